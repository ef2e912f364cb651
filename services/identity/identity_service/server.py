"""Identity's gRPC servicer: each method hands its request to one journey function."""

from __future__ import annotations

import grpc

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea.identity.v1 import identity_pb2_grpc
from clientarea_shared.runtime import Runtime
from identity_service.journeys import (
    closure,
    login,
    members,
    mfa,
    passkeys,
    passwordless,
    quick_access,
    recovery,
    registration,
    security,
    staff,
    staff_directory,  # client records
    users,
)
from identity_service.journeys.common import Identity
from identity_service.keys import key_ring
from identity_service.providers import not_with_keycloak

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

    def ResetStaffSecondFactors(self, request: pb.ResetStaffSecondFactorsRequest, context: Context) -> pb.User:
        return staff.reset_second_factors(self.idn, request)

    # --- quick access -------------------------------------------------------------------
    def QuickAccessLogin(self, request: pb.QuickAccessLoginRequest, context: Context) -> pb.TokenPair:
        return quick_access.quick_access_login(self.idn, request)
    # --- end quick access ---

    # --- passwordless and passkeys ------------------------------------------------------
    def StartCodeLogin(self, request: pb.StartCodeLoginRequest, context: Context) -> pb.CodeLoginStatus:
        if self.idn.provider is not None:
            # An e-mailed code would sign in past a second factor that lives in Keycloak (docs/keycloak.md).
            raise not_with_keycloak("Signing in with an e-mailed code")
        return passwordless.start(self.idn, request)

    def ResendLoginCode(self, request: pb.ResendLoginCodeRequest, context: Context) -> pb.CodeLoginStatus:
        return passwordless.resend(self.idn, request)

    def CompleteCodeLogin(self, request: pb.CompleteCodeLoginRequest, context: Context) -> pb.TokenPair:
        return passwordless.complete(self.idn, request)

    def BeginPasskeyRegistration(self, request: pb.BeginPasskeyRegistrationRequest,
                                 context: Context) -> pb.PasskeyOptions:
        return passkeys.begin_registration(self.idn, request)

    def FinishPasskeyRegistration(self, request: pb.FinishPasskeyRegistrationRequest, context: Context) -> pb.Passkey:
        return passkeys.finish_registration(self.idn, request)

    def ListPasskeys(self, request: pb.ListPasskeysRequest, context: Context) -> pb.ListPasskeysResponse:
        return passkeys.list_passkeys(self.idn)

    def RenamePasskey(self, request: pb.RenamePasskeyRequest, context: Context) -> pb.Passkey:
        return passkeys.rename(self.idn, request)

    def RemovePasskey(self, request: pb.RemovePasskeyRequest, context: Context) -> pb.RemovePasskeyResponse:
        return passkeys.remove(self.idn, request)

    def BeginPasskeyLogin(self, request: pb.BeginPasskeyLoginRequest, context: Context) -> pb.PasskeyOptions:
        return passkeys.begin_login(self.idn, request)

    def FinishPasskeyLogin(self, request: pb.FinishPasskeyLoginRequest, context: Context) -> pb.TokenPair:
        return passkeys.finish_login(self.idn, request)
    # --- end passwordless and passkeys ---

    # --- client members -----------------------------------------------------------------
    def ListClientMembers(self, request: pb.ListClientMembersRequest,
                          context: Context) -> pb.ListClientMembersResponse:
        return members.list_members(self.idn, request)

    def InviteClientMember(self, request: pb.InviteClientMemberRequest, context: Context) -> pb.ClientMember:
        return members.invite(self.idn, request)

    def UpdateClientMember(self, request: pb.UpdateClientMemberRequest, context: Context) -> pb.ClientMember:
        return members.update(self.idn, request)

    def RemoveClientMember(self, request: pb.RemoveClientMemberRequest,
                           context: Context) -> pb.RemoveClientMemberResponse:
        return members.remove(self.idn, request)
    # --- end client members ---

    # --- client records (staff directory) -----------------------------------------------
    def ListStaffDirectory(self, request: pb.ListStaffDirectoryRequest, context: Context) -> pb.StaffDirectory:
        return staff_directory.list_directory(self.idn, request)
    # --- end client records (staff directory) ---


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    idn = runtime.component("identity", lambda rt: Identity(rt, key_ring(rt)))
    identity_pb2_grpc.add_IdentityServiceServicer_to_server(IdentityServicer(idn), server)
    return [pb.DESCRIPTOR.services_by_name["IdentityService"].full_name]
