"""Identity's rules, free of I/O: `passwords` (hashing, policy, strength), `tokens` (lifetimes,
opaque tokens and one-time codes), `throttling` (back-off and lockout after failures),
`email_codes` (the six-digit codes e-mailed for self-registration and the login by code),
`webauthn_ceremonies` (passkeys)."""
