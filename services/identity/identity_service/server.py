"""Identity's gRPC servicer: each method hands its request to one journey function."""

from __future__ import annotations

import grpc

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea.identity.v1 import identity_pb2_grpc
from clientarea_shared.runtime import Runtime
from identity_service.journeys import closure, login, mfa, recovery, registration, security, staff, users
from identity_service.journeys.common import Identity
from identity_service.keys import key_ring

Context = grpc.ServicerContext


class IdentityServicer(identity_pb2_grpc.IdentityServiceServicer):
    def __init__(self, idn: Identity):
        self.idn = idn

    # --- login and tokens ---------------------------------------------------------------
    def Login(self, request: pb.LoginRequest, context: Context) -> pb.TokenPair:
        return login.login(self.idn, request)

    def Refresh(self, request: pb.RefreshRequest, context: Context) -> pb.TokenPair:
        return login.refresh(self.idn, request)

    def Logout(self, request: pb.LogoutRequest, context: Context) -> pb.LogoutResponse:
        return login.logout(self.idn, request)

    def GetJwks(self, request: pb.GetJwksRequest, context: Context) -> pb.Jwks:
        return pb.Jwks(json=self.idn.keys.jwks())

    # --- passwords by link --------------------------------------------------------------
    def SetPassword(self, request: pb.SetPasswordRequest, context: Context) -> pb.SetPasswordResponse:
        return recovery.set_password(self.idn, request)

    def RequestPasswordReset(self, request: pb.RequestPasswordResetRequest,
                             context: Context) -> pb.RequestPasswordResetResponse:
        return recovery.request_reset(self.idn, request)

    def ResetPassword(self, request: pb.ResetPasswordRequest, context: Context) -> pb.ResetPasswordResponse:
        return recovery.reset_password(self.idn, request)

    # --- self-registration --------------------------------------------------------------
    def StartRegistration(self, request: pb.StartRegistrationRequest, context: Context) -> pb.RegistrationStatus:
        return registration.start(self.idn, request)

    def ResendRegistrationCode(self, request: pb.ResendRegistrationCodeRequest,
                               context: Context) -> pb.RegistrationStatus:
        return registration.resend(self.idn, request)

    def VerifyRegistrationCode(self, request: pb.VerifyRegistrationCodeRequest,
                               context: Context) -> pb.RegistrationStatus:
        return registration.verify(self.idn, request)

    def CompleteRegistration(self, request: pb.CompleteRegistrationRequest, context: Context) -> pb.TokenPair:
        return registration.complete(self.idn, request)

    # --- the caller's security settings -------------------------------------------------
    def CheckPassword(self, request: pb.CheckPasswordRequest, context: Context) -> pb.PasswordVerdict:
        return security.check_password(request)

    def ChangePassword(self, request: pb.ChangePasswordRequest, context: Context) -> pb.ChangePasswordResponse:
        return security.change_password(self.idn, request)

    def RequestEmailChange(self, request: pb.RequestEmailChangeRequest,
                           context: Context) -> pb.RequestEmailChangeResponse:
        return security.request_email_change(self.idn, request)

    def ConfirmEmailChange(self, request: pb.ConfirmEmailChangeRequest,
                           context: Context) -> pb.ConfirmEmailChangeResponse:
        return security.confirm_email_change(self.idn, request)

    def ListSessions(self, request: pb.ListSessionsRequest, context: Context) -> pb.ListSessionsResponse:
        return security.list_sessions(self.idn)

    def CheckSession(self, request: pb.CheckSessionRequest, context: Context) -> pb.SessionState:
        return security.check_session(self.idn)

    def RevokeSession(self, request: pb.RevokeSessionRequest, context: Context) -> pb.RevokeSessionResponse:
        return security.revoke_session(self.idn, request)

    def RevokeOtherSessions(self, request: pb.RevokeOtherSessionsRequest,
                            context: Context) -> pb.RevokeSessionResponse:
        return security.revoke_other_sessions(self.idn)

    # --- users, firms, audit ------------------------------------------------------------
    def GetMe(self, request: pb.GetMeRequest, context: Context) -> pb.User:
        return users.get_me(self.idn)

    def GetTenant(self, request: pb.GetTenantRequest, context: Context) -> pb.Tenant:
        return users.get_tenant(self.idn, request)

    def CreatePortalUser(self, request: pb.CreatePortalUserRequest,
                         context: Context) -> pb.CreatePortalUserResponse:
        return users.create_portal_user(self.idn, request)

    def ListAuditEvents(self, request: pb.ListAuditEventsRequest, context: Context) -> pb.ListAuditEventsResponse:
        return users.list_audit_events(self.idn, request)

    # --- two-factor authentication ------------------------------------------------------
    def CompleteMfaLogin(self, request: pb.CompleteMfaLoginRequest, context: Context) -> pb.TokenPair:
        return mfa.complete_login(self.idn, request)

    def BeginTotpEnrolment(self, request: pb.BeginTotpEnrolmentRequest, context: Context) -> pb.TotpEnrolment:
        return mfa.begin_enrolment(self.idn, request)

    def ConfirmTotpEnrolment(self, request: pb.ConfirmTotpEnrolmentRequest, context: Context) -> pb.RecoveryCodes:
        return mfa.confirm_enrolment(self.idn, request)

    def DisableTotp(self, request: pb.DisableTotpRequest, context: Context) -> pb.DisableTotpResponse:
        return mfa.disable(self.idn, request)

    def GetTenantSecurity(self, request: pb.GetTenantSecurityRequest, context: Context) -> pb.TenantSecurity:
        return mfa.get_tenant_security(self.idn)

    def UpdateTenantSecurity(self, request: pb.TenantSecurity, context: Context) -> pb.TenantSecurity:
        return mfa.update_tenant_security(self.idn, request)

    # --- account closure ----------------------------------------------------------------
    def CloseAccount(self, request: pb.CloseAccountRequest, context: Context) -> pb.AccountClosure:
        return closure.close_own_account(self.idn, request)

    def CloseCustomerAccount(self, request: pb.CloseCustomerAccountRequest, context: Context) -> pb.AccountClosure:
        return closure.close_customer_account(self.idn, request)


    # --- staff users --------------------------------------------------------------------
    def ListStaffUsers(self, request: pb.ListStaffUsersRequest, context: Context) -> pb.ListStaffUsersResponse:
        return staff.list_staff(self.idn, request)

    def InviteStaffUser(self, request: pb.InviteStaffUserRequest, context: Context) -> pb.User:
        return staff.invite(self.idn, request)

    def UpdateStaffUser(self, request: pb.UpdateStaffUserRequest, context: Context) -> pb.User:
        return staff.update(self.idn, request)


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    idn = runtime.component("identity", lambda rt: Identity(rt, key_ring(rt)))
    identity_pb2_grpc.add_IdentityServiceServicer_to_server(IdentityServicer(idn), server)
    return [pb.DESCRIPTOR.services_by_name["IdentityService"].full_name]
