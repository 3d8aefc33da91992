"""The demo shop's schemas are a faithful, current subset of Shopify's official ones."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
)

from cancelapp.demoshop.schema import VERSIONS, executable_schema, sdl
from fixtures import shopify_schema

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "derive_demo_schema.py"


@cache
def derive_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("derive_demo_schema", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def official(version: str) -> GraphQLSchema:
    return shopify_schema.for_version(version)


@pytest.mark.parametrize("version", VERSIONS)
def test_every_type_field_and_argument_exists_in_the_official_schema(version: str) -> None:
    subset = build_schema(sdl(version))
    full = official(version)
    checked = 0
    for name, subset_type in subset.type_map.items():
        if name.startswith("__"):
            continue
        full_type = full.get_type(name)
        assert full_type is not None, name
        assert type(full_type) is type(subset_type), name
        if isinstance(subset_type, GraphQLObjectType | GraphQLInterfaceType):
            assert isinstance(full_type, GraphQLObjectType | GraphQLInterfaceType)
            assert {i.name for i in subset_type.interfaces} <= {
                i.name for i in full_type.interfaces
            }
            for field_name, field in subset_type.fields.items():
                full_field = full_type.fields[field_name]
                assert str(field.type) == str(full_field.type), f"{name}.{field_name}"
                assert {a: str(v.type) for a, v in field.args.items()} == {
                    a: str(v.type) for a, v in full_field.args.items()
                }, f"{name}.{field_name}"
                checked += 1
        elif isinstance(subset_type, GraphQLInputObjectType):
            assert isinstance(full_type, GraphQLInputObjectType)
            assert {k: str(f.type) for k, f in subset_type.fields.items()} == {
                k: str(f.type) for k, f in full_type.fields.items()
            }, name
        elif isinstance(subset_type, GraphQLEnumType):
            assert isinstance(full_type, GraphQLEnumType)
            assert set(subset_type.values) == set(full_type.values), name
        elif isinstance(subset_type, GraphQLUnionType):
            assert isinstance(full_type, GraphQLUnionType)
            assert {t.name for t in subset_type.types} <= {t.name for t in full_type.types}
    assert checked > 200
    assert subset.get_directive("idempotent") is not None


@pytest.mark.parametrize("version", VERSIONS)
def test_checked_in_schema_is_current(version: str) -> None:
    """Re-deriving from today's documents gives the checked-in text; if not, run
    `uv run python scripts/derive_demo_schema.py`."""
    script, full = derive_script(), official(version)
    assert script.derive(full, script.version_documents(full, version)) == sdl(version)


def test_the_subset_speaks_the_released_names_for_buyer_requests() -> None:
    schema = executable_schema("2026-10")
    order = schema.get_type("Order")
    assert isinstance(order, GraphQLObjectType)
    assert {"requestedOrderEdits", "displayRequestedEditStatus"} <= set(order.fields)
    assert "requestedEdits" not in order.fields
    assert schema.mutation_type is not None
    assert {"requestedOrderEditDecline", "requestedOrderEditResolve", "orderCancel"} <= set(
        schema.mutation_type.fields
    )
    assert schema.query_type is not None
    assert {"requestedOrderEditCalculate", "returnPolicyProfiles"} <= set(schema.query_type.fields)
    assert schema.get_type("RequestedEdit") is None
    assert VERSIONS == ("2026-10",)  # `unstable` is no longer served
