"""Analysis helpers behind the commentary notebooks: all logic lives here, notebooks narrate."""

import sys

# jsonschema (imported by nbformat, papermill and nbconvert) imports rfc3987_syntax, when it is
# installed, only to check the "iri" string format, and that module compiles a grammar on
# import (~0.8 s per process here). Notebook validation never uses that format: skip it.
sys.modules.setdefault("rfc3987_syntax", None)
