"""Settings from the environment. Secrets never have defaults: a missing one switches its feature off."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=None, extra="ignore")

    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str | None = None
    action_server_url: str = "http://127.0.0.1:5055"
    database_url: str | None = None
    operator_token: str | None = None
    web_session_secret: str | None = None  # signs the web chat's cookie; default: var/secrets/web-session.key
    rasa_timeout_seconds: float = 30.0
    max_body_bytes: int = 64 * 1024
    trust_forwarded_proto: bool = False  # believe X-Forwarded-Proto (only behind a proxy that sets it)
    rate_limit_storage_url: str | None = None  # e.g. redis://127.0.0.1:6379/0, shared by all app processes
    rate_limit_per_sender: str = "30/minute"  # web chat, per route
    rate_limit_per_ip: str = "120/minute"  # web chat, per route
    rate_limit_webhook_per_ip: str = "600/minute"  # platform webhooks: one platform sends everyone's messages
    max_message_chars: int = 2000
    supervisor_state_file: str | None = None  # set by `make run`: what the supervisor restarts, for /healthz
    reminder_poll_seconds: float = 30.0  # 0 switches the reminder scheduler off
    # where a turn's work runs (api/turns.py): the safety screen and the help reply's sending never queue behind
    # the turns waiting on Rasa or the database
    screen_threads: int = 4
    help_send_threads: int = 16
    turn_threads: int = 40
    # sending to messaging platforms (api/channels/delivery.py): each request's timeout, attempts, back-off
    send_timeout_seconds: float = 10.0
    send_attempts: int = 5  # the first try included
    send_backoff_seconds: float = 0.5  # first back-off; doubles each retry, with full jitter
    send_backoff_cap_seconds: float = 20.0
    send_max_retry_after_seconds: float = 60.0  # a platform asking for a longer wait gets a dead letter instead
    send_deadline_seconds: float = 60.0  # no retry starts after this long on one request
    public_base_url: str | None = None  # e.g. https://coach.example.org, for links and images sent to messaging apps
    telegram_bot_token: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_api_url: str = "https://api.telegram.org"

    whatsapp_access_token: str | None = None
    whatsapp_app_secret: str | None = None
    whatsapp_verify_token: str | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_api_url: str = "https://graph.facebook.com/v20.0"

    messenger_page_token: str | None = None
    messenger_app_secret: str | None = None
    messenger_verify_token: str | None = None
    messenger_api_url: str = "https://graph.facebook.com/v20.0"

    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_from_number: str | None = None
    twilio_whatsapp_from: str | None = None  # the WhatsApp sender on Twilio; unset: whatsapp: + TWILIO_FROM_NUMBER
    twilio_api_url: str = "https://api.twilio.com"

    @property
    def sms_enabled(self) -> bool:
        return bool(
            self.twilio_account_sid and self.twilio_auth_token and self.twilio_from_number and self.public_base_url
        )

    @property
    def messenger_enabled(self) -> bool:
        return bool(self.messenger_page_token and self.messenger_app_secret and self.messenger_verify_token)

    @property
    def whatsapp_enabled(self) -> bool:
        return bool(
            self.whatsapp_access_token
            and self.whatsapp_app_secret
            and self.whatsapp_verify_token
            and self.whatsapp_phone_number_id
        )

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_bot_token and self.telegram_webhook_secret)


@lru_cache
def get_settings() -> Settings:
    return Settings()
