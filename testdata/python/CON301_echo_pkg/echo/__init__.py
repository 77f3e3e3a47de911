"""An echo server split over modules: the handler lives apart from the accept loop."""
