"""Rule modules; each registers its rules with checks.engine.rule when imported."""
