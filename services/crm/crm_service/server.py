"""CRM's gRPC servicers: each RPC handed to its area's handler (handlers/<area>.py)."""

from __future__ import annotations

import grpc

from clientarea.crm.v1 import campaigns_pb2 as campaign_pb  # campaigns
from clientarea.crm.v1 import campaigns_pb2_grpc as campaign_grpc  # campaigns
from clientarea.crm.v1 import content_pb2, content_pb2_grpc, crm_pb2_grpc, support_pb2, support_pb2_grpc
from clientarea.crm.v1 import crm_pb2 as pb
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared.errors import Conflict, Invalid, NotFound, from_rpc_error
from clientarea_shared.events import record_event
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from crm_service.handlers import campaigns as client_campaigns  # campaigns
from crm_service.handlers import categories, clients, contacts, content, feedback, history, profile, support, tasks
from crm_service.handlers import exports as client_exports  # client import and export
from crm_service.handlers import files as client_files  # client files
from crm_service.handlers import imports as client_imports  # client import and export
from crm_service.handlers import search as client_search  # client search
from crm_service.handlers.clients import client_message
from crm_service.models import PLUMBING
from crm_service.repository import ClientRepository


class CrmServicer(crm_pb2_grpc.CrmServiceServicer):
    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self.db = runtime.db

    def CreateClient(self, request: pb.CreateClientRequest, context: grpc.ServicerContext) -> pb.Client:
        return clients.create(self.runtime, request)

    def GetClient(self, request: pb.GetClientRequest, context: grpc.ServicerContext) -> pb.Client:
        return clients.get(self.runtime, request)

    def FindClientByEmail(self, request: pb.FindClientByEmailRequest, context: grpc.ServicerContext) -> pb.Client:
        """For identity's self-registration. Only one client may own the address: an e-mail shared
        by several clients is ambiguous, so it opens no account (staff create those users)."""
        principal = require(Permission.SERVICE_LOOKUPS)
        with self.db.read() as session:
            matches = ClientRepository(session, principal.tenant_id).by_email(request.email)
            if len(matches) != 1 or matches[0].portal_user_id:
                raise NotFound("No client with this e-mail")
            return client_message(matches[0])

    def ListClients(self, request: pb.ListClientsRequest, context: grpc.ServicerContext) -> pb.ListClientsResponse:
        return client_search.list_clients(self.runtime, request)  # client search: filters, sorts, total

    def CreatePortalUser(
        self, request: pb.CreatePortalUserRequest, context: grpc.ServicerContext
    ) -> pb.CreatePortalUserResponse:
        principal = require(Permission.PORTAL_USERS_MANAGE)
        with self.db.session() as session:
            repo = ClientRepository(session, principal.tenant_id)
            client = repo.get(request.client_id)
            if client is None:
                raise NotFound("Client not found")
            if client.portal_user_id:
                raise Conflict("This client already has a portal user", "portal_user_exists")
            if not client.email:
                raise Invalid.field("email", "required",
                                    "The client needs an e-mail address to receive the access")
            identity = identity_pb2_grpc.IdentityServiceStub(self.runtime.channels.get("identity"))
            try:
                created = identity.CreatePortalUser(identity_pb2.CreatePortalUserRequest(
                    client_id=client.id, username=request.username or client.tax_id,
                    email=client.email, display_name=client.display_name,
                    password=request.password, locale=client.locale,
                ))
            except grpc.RpcError as exc:
                raise from_rpc_error(exc) from exc
            # identity's user_created event may have linked it already (crm consumes it meanwhile).
            repo.link_portal_user(client.id, created.user.id)
            record_event(
                session, PLUMBING, source="crm", tenant_id=principal.tenant_id,
                event_type="crm.portal_user_created",
                payload=pb.PortalUserCreated(
                    client_id=client.id, user_id=created.user.id, username=created.user.username,
                    email=client.email, display_name=client.display_name, locale=client.locale,
                    set_password_token=created.set_password_token,
                ),
            )
            return pb.CreatePortalUserResponse(user_id=created.user.id, username=created.user.username)

    # --- client records ----------------------------------------------------------------------
    def UpdateClient(self, request: pb.UpdateClientRequest, context: grpc.ServicerContext) -> pb.Client:
        return clients.update(self.runtime, request)

    def ListClientHistory(self, request: pb.ListClientHistoryRequest,
                          context: grpc.ServicerContext) -> pb.ListClientHistoryResponse:
        return history.list_history(self.db, request)

    def ListCategories(self, request: pb.ListCategoriesRequest,
                       context: grpc.ServicerContext) -> pb.ListCategoriesResponse:
        return categories.list_categories(self.db, request)

    def CreateCategory(self, request: pb.CreateCategoryRequest, context: grpc.ServicerContext) -> pb.Category:
        return categories.create(self.db, request)

    def RenameCategory(self, request: pb.RenameCategoryRequest, context: grpc.ServicerContext) -> pb.Category:
        return categories.rename(self.db, request)

    def DeleteCategory(self, request: pb.DeleteCategoryRequest,
                       context: grpc.ServicerContext) -> pb.DeleteCategoryResponse:
        return categories.delete(self.db, request)

    def ListContacts(self, request: pb.ListContactsRequest, context: grpc.ServicerContext) -> pb.ListContactsResponse:
        return contacts.list_contacts(self.db, request)

    def CreateContact(self, request: pb.CreateContactRequest, context: grpc.ServicerContext) -> pb.Contact:
        return contacts.create(self.db, request)

    def UpdateContact(self, request: pb.UpdateContactRequest, context: grpc.ServicerContext) -> pb.Contact:
        return contacts.update(self.db, request)

    def DeleteContact(self, request: pb.DeleteContactRequest,
                      context: grpc.ServicerContext) -> pb.DeleteContactResponse:
        return contacts.delete(self.db, request)

    def CreateTask(self, request: pb.CreateTaskRequest, context: grpc.ServicerContext) -> pb.Task:
        return tasks.create(self.runtime, request)

    def GetTask(self, request: pb.GetTaskRequest, context: grpc.ServicerContext) -> pb.Task:
        return tasks.get(self.runtime, request)

    def UpdateTask(self, request: pb.UpdateTaskRequest, context: grpc.ServicerContext) -> pb.Task:
        return tasks.update(self.runtime, request)

    def AddTaskComment(self, request: pb.AddTaskCommentRequest, context: grpc.ServicerContext) -> pb.TaskComment:
        return tasks.add_comment(self.runtime, request)

    def ListClientTasks(self, request: pb.ListClientTasksRequest,
                        context: grpc.ServicerContext) -> pb.ListTasksResponse:
        return tasks.list_client_tasks(self.runtime, request)

    def ListMyTasks(self, request: pb.ListMyTasksRequest, context: grpc.ServicerContext) -> pb.ListTasksResponse:
        return tasks.list_my_tasks(self.runtime, request)

    def GetMyProfile(self, request: pb.GetMyProfileRequest, context: grpc.ServicerContext) -> pb.Client:
        return profile.get_profile(self.runtime, request)

    def UpdateMyProfile(self, request: pb.UpdateMyProfileRequest, context: grpc.ServicerContext) -> pb.Client:
        return profile.update_profile(self.runtime, request)
    # --- end client records ---

    # --- client search ---
    def SearchContacts(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_search.search_contacts(self.runtime, request)

    def ListSavedFilters(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_search.list_saved_filters(self.runtime, request)

    def CreateSavedFilter(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_search.create_saved_filter(self.runtime, request)

    def DeleteSavedFilter(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_search.delete_saved_filter(self.runtime, request)

    def SetAlerts(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_search.set_alerts(self.runtime, request)

    def ListPolicyLines(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_search.list_policy_lines(self.runtime, request)
    # --- end client search ---

    # --- client files ---
    def UploadClientFile(self, request: pb.UploadClientFileRequest, context: grpc.ServicerContext) -> pb.ClientFile:
        return client_files.upload(self.runtime, request)

    def ListClientFiles(self, request: pb.ListClientFilesRequest,
                        context: grpc.ServicerContext) -> pb.ListClientFilesResponse:
        return client_files.list_files(self.runtime, request)

    def GetClientFile(self, request: pb.GetClientFileRequest, context: grpc.ServicerContext) -> pb.ClientFileContent:
        return client_files.get_content(self.runtime, request)

    def UpdateClientFile(self, request: pb.UpdateClientFileRequest, context: grpc.ServicerContext) -> pb.ClientFile:
        return client_files.update(self.runtime, request)

    def DeleteClientFile(self, request: pb.DeleteClientFileRequest,
                         context: grpc.ServicerContext) -> pb.DeleteClientFileResponse:
        return client_files.delete(self.runtime, request)
    # --- end client files ---

    # --- client import and export ---
    def PreviewClientImport(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_imports.preview(self.runtime, request)

    def GetClientImport(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_imports.get(self.runtime, request)

    def ConfirmClientImport(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_imports.confirm(self.runtime, request)

    def GetClientImportTemplate(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_imports.template(request)

    def ExportClients(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_exports.export(self.runtime, request)

    def CountClientSelection(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_exports.count(self.runtime, request)

    def StartClientExport(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_exports.start(self.runtime, request)

    def GetClientExport(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_exports.get(self.runtime, request)

    def ListClientExports(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_exports.list_mine(self.runtime, request)

    def DownloadClientExport(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_exports.download(self.runtime, request)
    # --- end client import and export ---


# --- support, requests and content ---
# Three more gRPC services of the crm process (support.proto, content.proto): each RPC is one
# handler function of crm_service/handlers/{support,feedback,content}.py.
class SupportServicer(support_pb2_grpc.SupportServiceServicer):
    def __init__(self, runtime: Runtime):
        self.runtime = runtime

    def OpenTicket(self, request, context):  # noqa: ANN001, ANN201, N802
        return support.open_ticket(self.runtime, request)

    def ListTickets(self, request, context):  # noqa: ANN001, ANN201, N802
        return support.list_tickets(self.runtime, request)

    def GetTicket(self, request, context):  # noqa: ANN001, ANN201, N802
        return support.get_ticket(self.runtime, request)

    def PostTicketMessage(self, request, context):  # noqa: ANN001, ANN201, N802
        return support.post_message(self.runtime, request)

    def UpdateTicket(self, request, context):  # noqa: ANN001, ANN201, N802
        return support.update_ticket(self.runtime, request)

    def GetTicketAttachment(self, request, context):  # noqa: ANN001, ANN201, N802
        return support.get_attachment(self.runtime, request)


class FeedbackServicer(support_pb2_grpc.FeedbackServiceServicer):
    def __init__(self, runtime: Runtime):
        self.runtime = runtime

    def GiveFeedback(self, request, context):  # noqa: ANN001, ANN201, N802
        return feedback.give(self.runtime, request)

    def ListFeedback(self, request, context):  # noqa: ANN001, ANN201, N802
        return feedback.list_entries(self.runtime, request)


class ContentServicer(content_pb2_grpc.ContentServiceServicer):
    def __init__(self, runtime: Runtime):
        self.runtime = runtime

    def PublishNews(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.publish_news(self.runtime, request)

    def ListNews(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.list_news(self.runtime, request)

    def UpdateNews(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.update_news(self.runtime, request)

    def DeleteNews(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.delete_news(self.runtime, request)

    def CreateMaterial(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.create_material(self.runtime, request)

    def UpdateMaterial(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.update_material(self.runtime, request)

    def DeleteMaterial(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.delete_material(self.runtime, request)

    def ListMaterials(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.list_materials(self.runtime, request)

    def GetMaterialFile(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.get_material_file(self.runtime, request)

    def CreateAdvantage(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.create_advantage(self.runtime, request)

    def UpdateAdvantage(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.update_advantage(self.runtime, request)

    def DeleteAdvantage(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.delete_advantage(self.runtime, request)

    def ListAdvantages(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.list_advantages(self.runtime, request)

    def GetAdvantageImage(self, request, context):  # noqa: ANN001, ANN201, N802
        return content.get_advantage_image(self.runtime, request)


def _register_support_and_content(server: grpc.Server, runtime: Runtime) -> list[str]:
    support_pb2_grpc.add_SupportServiceServicer_to_server(SupportServicer(runtime), server)
    support_pb2_grpc.add_FeedbackServiceServicer_to_server(FeedbackServicer(runtime), server)
    content_pb2_grpc.add_ContentServiceServicer_to_server(ContentServicer(runtime), server)
    return [support_pb2.DESCRIPTOR.services_by_name["SupportService"].full_name,
            support_pb2.DESCRIPTOR.services_by_name["FeedbackService"].full_name,
            content_pb2.DESCRIPTOR.services_by_name["ContentService"].full_name]
# --- end support, requests and content ---


# --- campaigns ---
class CampaignServicer(campaign_grpc.CampaignServiceServicer):
    """campaigns.proto: each RPC is one function of crm_service/handlers/campaigns.py."""

    def __init__(self, runtime: Runtime):
        self.runtime = runtime

    def CreateCampaign(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_campaigns.create(self.runtime, request)

    def LaunchCampaign(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_campaigns.launch(self.runtime, request)

    def ListCampaigns(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_campaigns.list_campaigns(self.runtime, request)

    def GetCampaign(self, request, context):  # noqa: ANN001, ANN201, N802
        return client_campaigns.get(self.runtime, request)


def _register_campaigns(server: grpc.Server, runtime: Runtime) -> list[str]:
    campaign_grpc.add_CampaignServiceServicer_to_server(CampaignServicer(runtime), server)
    return [campaign_pb.DESCRIPTOR.services_by_name["CampaignService"].full_name]
# --- end campaigns ---


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    crm_pb2_grpc.add_CrmServiceServicer_to_server(CrmServicer(runtime), server)
    return [pb.DESCRIPTOR.services_by_name["CrmService"].full_name,
            *_register_support_and_content(server, runtime),  # support, requests and content
            *_register_campaigns(server, runtime)]  # campaigns
