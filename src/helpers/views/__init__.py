"""What the notebooks show: one module per notebook plus plotting (plotly set-up, colours).

Views import the analysis modules; the analysis modules never import views.
"""
