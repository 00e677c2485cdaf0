"""Storage: SQLAlchemy 2 models, the database connection and the queries the coach needs."""
