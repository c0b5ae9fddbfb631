"""Analysis helpers behind the commentary notebooks: all logic lives here, notebooks narrate."""
