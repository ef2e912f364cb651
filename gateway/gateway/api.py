"""Declaring API operations once: the route, its body and answer models, who may call it.

`operation(...)` registers a Flask view under /api/v1, validates the JSON body with a pydantic
model (field errors as problem+json 422), and records what the OpenAPI 3.1 document needs, so
the document is generated from the code and cannot drift from it.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, g, request
from pydantic import BaseModel, ValidationError

from clientarea_shared.context import request_context
from clientarea_shared.errors import FieldError, Invalid

API_PREFIX = "/api/v1"
blueprint = Blueprint("api", __name__, url_prefix=API_PREFIX)


@dataclass
class Operation:
    path: str
    method: str
    summary: str
    tag: str
    body: type[BaseModel] | None
    response: type[BaseModel] | None
    status: int
    public: bool
    query: type[BaseModel] | None
    errors: tuple[int, ...] = field(default=())


OPERATIONS: list[Operation] = []


def _field_errors(exc: ValidationError) -> list[FieldError]:
    errors = []
    for error in exc.errors():
        name = ".".join(str(part) for part in error["loc"]) or "body"
        errors.append(FieldError(name, error["type"], error["msg"]))
    return errors


def parse_body(model: type[BaseModel]) -> BaseModel:
    if not request.is_json:
        raise Invalid("The body must be JSON (Content-Type: application/json)",
                      code="unsupported_media_type")
    data = request.get_json(silent=True)
    if data is None:
        raise Invalid("The body is not valid JSON", code="malformed_json")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise Invalid(errors=_field_errors(exc)) from exc


def parse_query(model: type[BaseModel]) -> BaseModel:
    """The query string as `model`; a field typed as a list takes every value of a repeated
    parameter (`?category_ids=a&category_ids=b`), the others the first one."""
    lists = {name for name, field in model.model_fields.items() if typing.get_origin(field.annotation) is list}
    values = {key: (request.args.getlist(key) if key in lists else request.args.get(key)) for key in request.args}
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise Invalid(errors=_field_errors(exc)) from exc


def operation(
    path: str, method: str, *, summary: str, tag: str, body: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None, status: int = 200, public: bool = False,
    query: type[BaseModel] | None = None, errors: tuple[int, ...] = (),
) -> Callable:
    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        OPERATIONS.append(Operation(path, method, summary, tag, body, response, status, public,
                                    query, errors))

        @functools.wraps(view)
        def endpoint(**kwargs: Any) -> Any:
            from gateway.auth import authenticate  # late: auth needs the app's services

            principal = None if public else authenticate()
            if body is not None:
                kwargs["body"] = parse_body(body)
            if query is not None:
                kwargs["query"] = parse_query(query)
            with request_context(principal, g.get("request_id", ""), g.get("locale", "es")):
                result = view(**kwargs)
            if isinstance(result, BaseModel):
                return result.model_dump(mode="json"), status
            return result

        flask_path = re.sub(r"\{(\w+)\}", r"<\1>", path)
        blueprint.add_url_rule(flask_path, view.__name__, endpoint, methods=[method])
        return endpoint

    return decorate


_PROBLEM = {"$ref": "#/components/schemas/Problem"}
_PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "code"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "code": {"type": "string"}, "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object", "properties": {
            "field": {"type": "string"}, "code": {"type": "string"}, "message": {"type": "string"},
        }}},
    },
}


def _schema_ref(model: type[BaseModel], components: dict[str, Any]) -> dict[str, str]:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in schema.pop("$defs", {}).items():
        components[name] = definition
    components[model.__name__] = schema
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def openapi_document() -> dict[str, Any]:
    components: dict[str, Any] = {"Problem": _PROBLEM_SCHEMA}
    paths: dict[str, Any] = {}
    for op in OPERATIONS:
        entry: dict[str, Any] = {
            "summary": op.summary, "tags": [op.tag], "operationId": f"{op.method.lower()}"
            f"{re.sub(r'[^A-Za-z0-9]+', '_', op.path).rstrip('_')}",
            "responses": {},
        }
        if not op.public:
            entry["security"] = [{"bearer": []}, {"cookie": []}]
        params = [{"name": p, "in": "path", "required": True, "schema": {"type": "string"}}
                  for p in re.findall(r"\{(\w+)\}", op.path)]
        if op.query is not None:
            for name, info in op.query.model_fields.items():
                params.append({"name": name, "in": "query", "required": info.is_required(),
                               "schema": {"type": "string"}, "description": info.description or ""})
        if params:
            entry["parameters"] = params
        if op.body is not None:
            entry["requestBody"] = {"required": True, "content": {
                "application/json": {"schema": _schema_ref(op.body, components)}}}
        ok: dict[str, Any] = {"description": "Success"}
        if op.response is not None:
            ok["content"] = {"application/json": {"schema": _schema_ref(op.response, components)}}
        entry["responses"][str(op.status)] = ok
        statuses = set(op.errors) | ({422} if op.body or op.query else set())
        statuses |= set() if op.public else {401, 403}
        for code in sorted(statuses):
            entry["responses"][str(code)] = {
                "description": "Problem", "content": {"application/problem+json": {"schema": _PROBLEM}}}
        paths.setdefault(f"{API_PREFIX}{op.path}", {})[op.method.lower()] = entry
    return {
        "openapi": "3.1.0",
        "info": {"title": "Área Cliente API", "version": "1.0.0",
                 "description": "The public REST API of Área Cliente (gateway)."},
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
                "cookie": {"type": "apiKey", "in": "cookie", "name": "ca_session"},
            },
        },
    }
