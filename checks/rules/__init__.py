"""Rule modules; each registers its rules with bientap.checks.engine.rule when imported."""
