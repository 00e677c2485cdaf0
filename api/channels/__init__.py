"""Messaging channels: each turns its platform's wire format into an Inbound for api/turns.py and back.
Channels know nothing of pacing; a channel whose secret is missing stays off and says so at start-up."""
