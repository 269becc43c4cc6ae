"""asb_api: the async Litestar API over `asb_core` and `harm_model`, contract in openapi.yaml."""
