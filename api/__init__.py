"""HTTP only: app factory, lifespan, routers, auth dependencies, error rendering, middleware, CLI."""
