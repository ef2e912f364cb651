"""Identity's gRPC servicer: login, refresh, logout, JWKS, me, portal users, set password."""

from __future__ import annotations

import grpc

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea.identity.v1 import identity_pb2_grpc
from clientarea_shared.context import CLIENT, current_principal, require_staff
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, FieldError, Invalid, NotFound, Unauthenticated
from clientarea_shared.runtime import Runtime
from identity_service import domain
from identity_service.keys import KeyRing, key_ring
from identity_service.models import PasswordToken, RefreshToken, Session, Tenant, User
from identity_service.repository import IdentityRepository

BAD_LOGIN = "The user name or the password is not correct"


def user_message(user: User, tenant: Tenant | None) -> pb.User:
    message = pb.User(
        id=user.id, tenant_id=user.tenant_id, username=user.username, email=user.email,
        display_name=user.display_name, roles=user.roles, client_id=user.client_id or "",
        locale=user.locale,
    )
    if tenant is not None:
        message.tenant.CopyFrom(pb.Tenant(id=tenant.id, slug=tenant.slug, name=tenant.name,
                                          default_locale=tenant.default_locale))
    return message


class IdentityServicer(identity_pb2_grpc.IdentityServiceServicer):
    def __init__(self, runtime: Runtime, keys: KeyRing):
        self.runtime = runtime
        self.db = runtime.db
        self.keys = keys

    # --- tokens -------------------------------------------------------------------------
    def _issue(self, repo: IdentityRepository, user: User, session: Session) -> pb.TokenPair:
        now = utcnow()
        refresh = domain.new_opaque_token()
        repo.add(RefreshToken(
            id=new_id(), session_id=session.id, token_hash=domain.token_hash(refresh),
            created_at=now, expires_at=min(now + domain.REFRESH_TOKEN_TTL, session.expires_at),
        ))
        settings = self.runtime.settings
        claims = {
            "iss": settings.token_issuer, "aud": settings.token_audience, "sub": user.id,
            "tid": user.tenant_id, "roles": list(user.roles), "sid": session.id,
            "iat": int(now.timestamp()),
            "exp": int((now + domain.ACCESS_TOKEN_TTL).timestamp()), "jti": new_id(),
        }
        if user.client_id:
            claims["cid"] = user.client_id
        if user.display_name:
            claims["name"] = user.display_name  # OIDC's claim: pages greet without asking identity
        return pb.TokenPair(
            access_token=self.keys.sign(claims), refresh_token=refresh,
            token_type="Bearer",  # noqa: S106 - the OAuth token type, not a secret
            expires_in=int(domain.ACCESS_TOKEN_TTL.total_seconds()), session_id=session.id,
        )

    def Login(self, request: pb.LoginRequest, context: grpc.ServicerContext) -> pb.TokenPair:
        with self.db.session() as db:
            repo = IdentityRepository(db)
            tenant = repo.tenant_by_slug(request.tenant)
            user = repo.user_by_login(tenant.id, request.username) if tenant else None
            # Verify even without a user so unknown users and wrong passwords take as long.
            valid = domain.verify_password(user.password_hash if user else None, request.password)
            if tenant is not None:
                repo.audit(tenant_id=tenant.id, user_id=user.id if user else None, action="login",
                           outcome="success" if valid else "failure",
                           source_address=request.source_address, user_agent=request.user_agent)
            if not valid or user is None:
                failure = Unauthenticated(BAD_LOGIN, "invalid_credentials")
            else:
                if domain.needs_rehash(user.password_hash or ""):
                    user.password_hash = domain.hash_password(request.password)
                now = utcnow()
                session = Session(
                    id=new_id(), tenant_id=user.tenant_id, user_id=user.id, created_at=now,
                    last_used_at=now, expires_at=now + domain.SESSION_ABSOLUTE_TTL,
                    user_agent=request.user_agent[:400], source_address=request.source_address[:64],
                )
                repo.add(session)
                return self._issue(repo, user, session)
        raise failure  # after the commit, so the failed attempt stays in the audit log

    def Refresh(self, request: pb.RefreshRequest, context: grpc.ServicerContext) -> pb.TokenPair:
        with self.db.session() as db:
            repo = IdentityRepository(db)
            token = repo.refresh_token(domain.token_hash(request.refresh_token))
            session = repo.login_session(token.session_id) if token else None
            now = utcnow()
            if token is None or session is None:
                failure = Unauthenticated("The session has ended", "invalid_refresh_token")
            elif token.used_at is not None:
                # A rotated token came back: someone holds a copy. End the whole family.
                repo.revoke_session(session.id)
                repo.audit(tenant_id=session.tenant_id, user_id=session.user_id,
                           action="refresh_token_reuse", outcome="revoked",
                           source_address=request.source_address, user_agent=request.user_agent)
                failure = Unauthenticated("The session has ended", "refresh_token_reused")
            elif session.revoked_at is not None or token.expires_at <= now or session.expires_at <= now:
                failure = Unauthenticated("The session has ended", "session_expired")
            else:
                user = repo.user(session.tenant_id, session.user_id)
                if user is None or user.status != "active":
                    failure = Unauthenticated("The session has ended", "user_inactive")
                else:
                    token.used_at = now
                    session.last_used_at = now
                    return self._issue(repo, user, session)
        raise failure

    def Logout(self, request: pb.LogoutRequest, context: grpc.ServicerContext) -> pb.LogoutResponse:
        with self.db.session() as db:
            repo = IdentityRepository(db)
            token = repo.refresh_token(domain.token_hash(request.refresh_token))
            if token is not None:
                session = repo.login_session(token.session_id)
                repo.revoke_session(token.session_id)
                if session is not None:
                    repo.audit(tenant_id=session.tenant_id, user_id=session.user_id,
                               action="logout", outcome="success")
        return pb.LogoutResponse()

    def GetJwks(self, request: pb.GetJwksRequest, context: grpc.ServicerContext) -> pb.Jwks:
        return pb.Jwks(json=self.keys.jwks())

    def GetTenant(self, request: pb.GetTenantRequest, context: grpc.ServicerContext) -> pb.Tenant:
        with self.db.read() as db:
            repo = IdentityRepository(db)
            tenant = repo.tenant(request.id) if request.id else repo.tenant_by_slug(request.slug)
            if tenant is None:
                raise NotFound("Unknown firm", "unknown_tenant")
            return pb.Tenant(id=tenant.id, slug=tenant.slug, name=tenant.name,
                             default_locale=tenant.default_locale)

    # --- users --------------------------------------------------------------------------
    def GetMe(self, request: pb.GetMeRequest, context: grpc.ServicerContext) -> pb.User:
        principal = current_principal()
        with self.db.read() as db:
            repo = IdentityRepository(db)
            user = repo.user(principal.tenant_id, principal.user_id)
            if user is None:
                raise Unauthenticated("The session has ended", "user_inactive")
            return user_message(user, repo.tenant(user.tenant_id))

    def CreatePortalUser(
        self, request: pb.CreatePortalUserRequest, context: grpc.ServicerContext
    ) -> pb.CreatePortalUserResponse:
        principal = require_staff()
        username = request.username.strip().lower()
        email = request.email.strip().lower()
        errors = []
        if not username:
            errors.append(FieldError("username", "required", "A user name is required"))
        if not request.client_id:
            errors.append(FieldError("client_id", "required", "The client is required"))
        if errors:
            raise Invalid(errors=errors)
        if request.password:
            domain.check_password_policy(request.password, username=username, email=email)
        with self.db.session() as db:
            repo = IdentityRepository(db)
            if repo.username_taken(principal.tenant_id, username):
                raise Conflict("This user name is already in use", "username_taken",
                               [FieldError("username", "taken", "This user name is already in use")])
            user = User(
                id=new_id(), tenant_id=principal.tenant_id, username=username, email=email,
                display_name=request.display_name.strip() or username,
                password_hash=domain.hash_password(request.password) if request.password else None,
                roles=[CLIENT], client_id=request.client_id, locale=request.locale or "es",
                status="active", created_at=utcnow(),
            )
            repo.add(user)
            set_token = ""
            if not request.password:
                set_token = domain.new_opaque_token()
                repo.add(PasswordToken(
                    id=new_id(), user_id=user.id, purpose="set",
                    token_hash=domain.token_hash(set_token),
                    expires_at=utcnow() + domain.SET_PASSWORD_TTL,
                ))
            repo.audit(tenant_id=principal.tenant_id, user_id=user.id, action="account_created",
                       outcome="success", created_by=principal.user_id)
            return pb.CreatePortalUserResponse(
                user=user_message(user, repo.tenant(user.tenant_id)), set_password_token=set_token
            )

    def SetPassword(
        self, request: pb.SetPasswordRequest, context: grpc.ServicerContext
    ) -> pb.SetPasswordResponse:
        with self.db.session() as db:
            repo = IdentityRepository(db)
            token = repo.password_token(domain.token_hash(request.token), "set")
            if token is None or token.used_at is not None or token.expires_at <= utcnow():
                raise Invalid.field("token", "invalid_or_expired",
                                    "This link is no longer valid; ask for a new one")
            user = db.get(User, token.user_id)
            assert user is not None
            domain.check_password_policy(request.password, username=user.username, email=user.email)
            user.password_hash = domain.hash_password(request.password)
            token.used_at = utcnow()
            repo.revoke_all_sessions(user.id)
            repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="password_set",
                       outcome="success")
            return pb.SetPasswordResponse(username=user.username)


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    servicer = IdentityServicer(runtime, key_ring(runtime))
    identity_pb2_grpc.add_IdentityServiceServicer_to_server(servicer, server)
    return [pb.DESCRIPTOR.services_by_name["IdentityService"].full_name]
