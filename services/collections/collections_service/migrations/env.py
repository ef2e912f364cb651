from clientarea_shared.migrate import run_env
from collections_service.models import Base

run_env(Base.metadata)
