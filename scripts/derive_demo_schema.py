"""Derive the demo shop's GraphQL schema: the parts of Shopify's official schema the app uses.

Reads every `.graphql` document of the client (`src/cancelapp/shopify/graphql/`), of any other
`src/cancelapp/*/graphql/` folder and of the demo shop itself
(`src/cancelapp/demoshop/operations/`); each operation counts when it validates against the
official 2026-10 schema extended by the release's supplement (`tests/fixtures/shopify/`). The
demo shop serves 2026-10 only: nothing of CancelApp's is sent to `unstable`. Collects the
types, fields and arguments they touch and writes SDL for just those, descriptions included:

    uv run python scripts/derive_demo_schema.py          # rewrite the checked-in schemas
    uv run python scripts/derive_demo_schema.py --check  # exit 1 when they are out of date

Kept whole: enums, input objects (variables can hold any of their fields), every argument of a
used field, and the leaf fields of used interfaces. The demo shop loads the output at start-up,
so it never parses the 11 MB official schema at run time.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLArgument,
    GraphQLDirective,
    GraphQLEnumType,
    GraphQLEnumValue,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLType,
    GraphQLUnionType,
    InlineFragmentNode,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    is_leaf_type,
    is_specified_directive,
    is_specified_scalar_type,
    parse,
    print_schema,
    specified_directives,
    specified_rules,
    validate,
    visit,
)
from graphql.language import DirectiveNode, VariableDefinitionNode
from graphql.utilities import separate_operations
from graphql.validation import NoUnusedFragmentsRule

ROOT = Path(__file__).resolve().parent.parent
# Shopify's schemas as vendored for the tests (tests/fixtures/shopify/README.md).
SCHEMA_LOADER = ROOT / "tests" / "fixtures" / "shopify_schema.py"
PACKAGE = ROOT / "src" / "cancelapp"
DEMO_DOCS = PACKAGE / "demoshop" / "operations"
CLIENT_DOCS = PACKAGE / "shopify" / "graphql"
OUTPUT = ROOT / "src" / "cancelapp" / "demoshop"

VERSIONS = ("2026-10",)
RULES = [rule for rule in specified_rules if rule is not NoUnusedFragmentsRule]


@cache
def _schemas() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shopify_schema", SCHEMA_LOADER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def official_schema(version: str) -> GraphQLSchema:
    """The official schema of `version`; 2026-10 is extended by the supplement (the release)."""
    schema: GraphQLSchema = _schemas().for_version(version)
    return schema


def document_roots() -> list[Path]:
    """The client's documents (`shopify/graphql/`), any other area's, and the demo shop's."""
    return [*sorted(PACKAGE.glob("*/graphql")), DEMO_DOCS]


def operations(root: Path) -> dict[str, tuple[Path, DocumentNode]]:
    """Each operation under `root` as its own document, with the fragments it spreads (its own
    and the client's, as `cancelapp.shopify.documents.load` appends them)."""
    owners: dict[str, Path] = {}
    definitions = []
    shared = [] if root == CLIENT_DOCS else sorted((CLIENT_DOCS / "fragments").glob("*.graphql"))
    for path in [*sorted(root.rglob("*.graphql")), *shared]:
        document = parse(path.read_text(encoding="utf-8"))
        for definition in document.definitions:
            definitions.append(definition)
            if isinstance(definition, OperationDefinitionNode) and definition.name:
                owners[definition.name.value] = path
    separated = separate_operations(DocumentNode(definitions=tuple(definitions)))
    return {name: (owners.get(name, root), doc) for name, doc in separated.items()}


def version_documents(schema: GraphQLSchema, version: str) -> list[DocumentNode]:
    """The operations this version serves: those valid against its official schema."""
    chosen = []
    for root in document_roots():
        for name, (path, document) in sorted(operations(root).items()):
            if validate(schema, document, RULES):
                print(f"{version}: skipping {name} ({path.relative_to(ROOT)})", file=sys.stderr)
                continue
            chosen.append(document)
    return chosen


@dataclass
class Usage:
    """What the documents touch in the official schema."""

    fields: dict[str, set[str]] = field(default_factory=dict)
    types: set[str] = field(default_factory=set)
    directives: set[str] = field(default_factory=set)

    def add_field(self, type_name: str, field_name: str) -> None:
        self.fields.setdefault(type_name, set()).add(field_name)
        self.types.add(type_name)


def collect_usage(schema: GraphQLSchema, documents: list[DocumentNode]) -> Usage:
    usage = Usage()
    for document in documents:
        _collect(schema, document, usage)
    return usage


def _collect(schema: GraphQLSchema, document: DocumentNode, usage: Usage) -> None:
    type_info = TypeInfo(schema)

    class Collector(Visitor):
        def enter_field(self, node: FieldNode, *_: object) -> None:
            parent = type_info.get_parent_type()
            if parent is not None and not node.name.value.startswith("__"):
                usage.add_field(parent.name, node.name.value)

        def enter_inline_fragment(self, node: InlineFragmentNode, *_: object) -> None:
            if node.type_condition:
                usage.types.add(node.type_condition.name.value)

        def enter_fragment_definition(self, node: FragmentDefinitionNode, *_: object) -> None:
            usage.types.add(node.type_condition.name.value)

        def enter_variable_definition(self, node: VariableDefinitionNode, *_: object) -> None:
            named = type_info.get_input_type()
            if named is not None:
                usage.types.add(get_named_type(named).name)

        def enter_directive(self, node: DirectiveNode, *_: object) -> None:
            usage.directives.add(node.name.value)

    visit(document, TypeInfoVisitor(type_info, Collector()))


def check_documents(schema: GraphQLSchema, documents: list[DocumentNode], label: str) -> None:
    errors = [e for document in documents for e in validate(schema, document, RULES)]
    if errors:
        listing = "\n".join(f"  {e.message}" for e in errors)
        raise SystemExit(f"documents do not validate against {label}:\n{listing}")


class SubsetBuilder:
    """Copies the used part of the official schema into new graphql-core types."""

    def __init__(self, official: GraphQLSchema, usage: Usage) -> None:
        self.official = official
        self.kept_fields: dict[str, set[str]] = {k: set(v) for k, v in usage.fields.items()}
        self.kept_types: set[str] = set()
        for name in sorted(usage.types):
            self._keep(name)
        self._close_interfaces()
        self.new: dict[str, GraphQLNamedType] = {}

    def _named(self, name: str) -> GraphQLNamedType:
        found = self.official.get_type(name)
        if found is None:
            raise SystemExit(f"type {name} is not in the official schema")
        return found

    def _keep(self, name: str) -> None:
        if name in self.kept_types:
            return
        self.kept_types.add(name)
        named = self._named(name)
        if isinstance(named, GraphQLInputObjectType):
            for input_field in named.fields.values():
                self._keep(get_named_type(input_field.type).name)
        elif isinstance(named, GraphQLInterfaceType):
            leaves = {n for n, f in named.fields.items() if is_leaf_type(get_named_type(f.type))}
            self.kept_fields.setdefault(name, set()).update(leaves)
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            for field_name in sorted(self.kept_fields.get(name, ())):
                self._keep_field_types(named.fields[field_name])

    def _keep_field_types(self, field_def: GraphQLField) -> None:
        self._keep(get_named_type(field_def.type).name)
        for arg in field_def.args.values():
            self._keep(get_named_type(arg.type).name)

    def _close_interfaces(self) -> None:
        """Every kept implementation of a kept interface must carry the interface's fields."""
        changed = True
        while changed:
            changed = False
            for name in sorted(self.kept_types):
                named = self._named(name)
                if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
                    continue
                for interface in named.interfaces:
                    if interface.name not in self.kept_types:
                        continue
                    missing = self.kept_fields.get(interface.name, set()) - self.kept_fields.get(
                        name, set()
                    )
                    for field_name in missing:
                        self.kept_fields.setdefault(name, set()).add(field_name)
                        self._keep_field_types(named.fields[field_name])
                        changed = True

    def build(self, directive_names: set[str]) -> GraphQLSchema:
        for name in sorted(self.kept_types):
            self.new[name] = self._copy(self._named(name))
        directives = [
            self._copy_directive(d)
            for d in self.official.directives
            if d.name in directive_names and not is_specified_directive(d)
        ]
        query = self.new[self.official.query_type.name]  # type: ignore[union-attr]
        mutation_type = self.official.mutation_type
        mutation = self.new.get(mutation_type.name) if mutation_type else None
        return GraphQLSchema(
            query=query,  # type: ignore[arg-type]
            mutation=mutation,  # type: ignore[arg-type]
            types=[self.new[n] for n in sorted(self.new)],
            directives=[*specified_directives, *directives],
        )

    def _type(self, type_: GraphQLType) -> GraphQLType:
        if isinstance(type_, GraphQLNonNull):
            return GraphQLNonNull(self._type(type_.of_type))  # type: ignore[type-var]
        if isinstance(type_, GraphQLList):
            return GraphQLList(self._type(type_.of_type))
        return self.new[type_.name]  # type: ignore[attr-defined]

    def _args(self, args: dict[str, GraphQLArgument]) -> dict[str, GraphQLArgument]:
        return {
            name: GraphQLArgument(
                self._type(arg.type),  # type: ignore[arg-type]
                default_value=arg.default_value,
                description=arg.description,
                deprecation_reason=arg.deprecation_reason,
            )
            for name, arg in sorted(args.items())
        }

    def _fields(self, named: GraphQLObjectType | GraphQLInterfaceType) -> dict[str, GraphQLField]:
        return {
            name: GraphQLField(
                self._type(named.fields[name].type),  # type: ignore[arg-type]
                args=self._args(named.fields[name].args),
                description=named.fields[name].description,
                deprecation_reason=named.fields[name].deprecation_reason,
            )
            for name in sorted(self.kept_fields.get(named.name, ()))
        }

    def _interfaces(
        self, named: GraphQLObjectType | GraphQLInterfaceType
    ) -> list[GraphQLInterfaceType]:
        return [
            self.new[i.name]  # type: ignore[misc]
            for i in named.interfaces
            if i.name in self.kept_types
        ]

    def _copy(self, named: GraphQLNamedType) -> GraphQLNamedType:
        if isinstance(named, GraphQLScalarType):
            if is_specified_scalar_type(named):
                return named
            return GraphQLScalarType(
                named.name,
                description=named.description,
                specified_by_url=named.specified_by_url,
            )
        if isinstance(named, GraphQLEnumType):
            return GraphQLEnumType(
                named.name,
                {
                    k: GraphQLEnumValue(
                        v.value, description=v.description, deprecation_reason=v.deprecation_reason
                    )
                    for k, v in named.values.items()
                },
                description=named.description,
            )
        if isinstance(named, GraphQLInputObjectType):
            return GraphQLInputObjectType(
                named.name,
                lambda: {
                    k: GraphQLInputField(
                        self._type(f.type),  # type: ignore[arg-type]
                        default_value=f.default_value,
                        description=f.description,
                        deprecation_reason=f.deprecation_reason,
                    )
                    for k, f in sorted(named.fields.items())
                },
                description=named.description,
                is_one_of=named.is_one_of,
            )
        if isinstance(named, GraphQLObjectType):
            return GraphQLObjectType(
                named.name,
                lambda: self._fields(named),
                interfaces=lambda: self._interfaces(named),
                description=named.description,
            )
        if isinstance(named, GraphQLInterfaceType):
            return GraphQLInterfaceType(
                named.name,
                lambda: self._fields(named),
                interfaces=lambda: self._interfaces(named),
                description=named.description,
            )
        if isinstance(named, GraphQLUnionType):
            return GraphQLUnionType(
                named.name,
                lambda: [self.new[t.name] for t in named.types if t.name in self.new],  # type: ignore[misc]
                description=named.description,
            )
        raise TypeError(f"unexpected type {named}")

    def _copy_directive(self, directive: GraphQLDirective) -> GraphQLDirective:
        return GraphQLDirective(
            directive.name,
            directive.locations,
            args=self._args(directive.args),
            is_repeatable=directive.is_repeatable,
            description=directive.description,
        )


def derive(official: GraphQLSchema, documents: list[DocumentNode]) -> str:
    """SDL of the part of `official` that `documents` use (plus `@idempotent`)."""
    usage = collect_usage(official, documents)
    subset = SubsetBuilder(official, usage).build(usage.directives | {"idempotent"})
    sdl = print_schema(subset) + "\n"
    check_documents(subset, documents, "the derived subset")
    return sdl


def output_path(version: str) -> Path:
    return OUTPUT / f"schema_{version}.graphql"


def derive_version(version: str) -> str:
    official = official_schema(version)
    return derive(official, version_documents(official, version))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only report outdated schemas")
    args = parser.parse_args(argv)
    outdated = []
    for version in VERSIONS:
        sdl = derive_version(version)
        path = output_path(version)
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if sdl == current:
            continue
        outdated.append(path.name)
        if not args.check:
            path.write_text(sdl, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} ({len(sdl.splitlines())} lines)")
    if args.check and outdated:
        print("out of date: " + ", ".join(outdated), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
