#!/usr/bin/env python3
"""Writes the strict JSON schemas that ManifestSchemaTests validates the rendered overlays against.

One self-contained JSON schema (draft-07) per kind that deploy/k8s uses, holding only the definitions that kind
reaches, in strict form: every object that lists its properties refuses any other (additionalProperties false),
so a misspelt field fails validation, as it fails `kubectl apply --validate=strict` against a live API server.
Descriptions and formats are dropped (size; formats such as int32 are not JSON Schema formats). apiVersion and
kind must be the ones of the schema, metadata is the Kubernetes ObjectMeta (also for custom resources, whose CRDs
only say `type: object`).

Sources (upstream files, not kept in this repository; see deploy/schemas/README.md):
  - Kubernetes 1.32 OpenAPI v2: kubernetes/swagger.json.unprocessed of the Kubernetes Python client v32.0.1,
    whose scripts/constants.py takes it from Kubernetes' release-1.32 branch.
  - the openAPIV3Schema of the operators' CRDs, as released:
      CloudNativePG v1.30.0  config/crd/bases/postgresql.cnpg.io_clusters.yaml, postgresql.cnpg.io_databases.yaml
      RabbitMQ Cluster Operator v2.22.3  config/crd/bases/rabbitmq.com_rabbitmqclusters.yaml
      Keycloak Operator 26.0.0 (keycloak-k8s-resources)  kubernetes/keycloaks.k8s.keycloak.org-v1.yml,
        kubernetes/keycloakrealmimports.k8s.keycloak.org-v1.yml

Usage: generate.py SOURCE_DIR   (SOURCE_DIR holds the files named in SOURCES below)
"""
import json
import os
import sys

import yaml

KUBERNETES = "k8s-1.32-swagger.json"

# (apiVersion, kind) -> definition in the Kubernetes OpenAPI document
KUBERNETES_KINDS = {
    ("v1", "Namespace"): "io.k8s.api.core.v1.Namespace",
    ("v1", "ServiceAccount"): "io.k8s.api.core.v1.ServiceAccount",
    ("v1", "Service"): "io.k8s.api.core.v1.Service",
    ("v1", "ConfigMap"): "io.k8s.api.core.v1.ConfigMap",
    ("apps/v1", "Deployment"): "io.k8s.api.apps.v1.Deployment",
    ("policy/v1", "PodDisruptionBudget"): "io.k8s.api.policy.v1.PodDisruptionBudget",
    ("autoscaling/v2", "HorizontalPodAutoscaler"): "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
    ("networking.k8s.io/v1", "NetworkPolicy"): "io.k8s.api.networking.v1.NetworkPolicy",
    ("networking.k8s.io/v1", "Ingress"): "io.k8s.api.networking.v1.Ingress",
}

# CRD file -> the versions of it that are served
CRDS = {
    "cnpg_clusters.yaml": ["v1"],
    "cnpg_databases.yaml": ["v1"],
    "rabbitmq_rabbitmqclusters.yaml": ["v1beta1"],
    "keycloak_keycloaks.yaml": ["v2alpha1"],
    "keycloak_keycloakrealmimports.yaml": ["v2alpha1"],
}

OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"

# Kubernetes types whose JSON form the OpenAPI document describes loosely
SPECIAL = {
    # an int32 or a string ("8080" or "http")
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"type": ["integer", "string"]},
    # "500m", "1Gi", or a plain number in YAML
    "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": ["string", "number"]},
    "io.k8s.apimachinery.pkg.apis.meta.v1.Time": {"type": "string"},
    "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": {"type": "string"},
}

SCHEMA_KEYWORDS_KEPT = {"type", "properties", "additionalProperties", "items", "required", "enum", "$ref",
                        "allOf", "anyOf", "oneOf", "not", "minimum", "maximum", "minLength", "maxLength",
                        "minItems", "maxItems", "pattern", "exclusiveMinimum", "exclusiveMaximum", "nullable",
                        "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource"}


def strict(schema):
    """The schema in strict JSON Schema form (see the module's comment)."""
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key not in SCHEMA_KEYWORDS_KEPT:
            continue
        if key == "properties":
            out[key] = {name: strict(sub) for name, sub in value.items()}
        elif key in ("items", "not"):
            out[key] = strict(value)
        elif key == "additionalProperties":
            out[key] = strict(value) if isinstance(value, dict) else value
        elif key in ("allOf", "anyOf", "oneOf"):
            out[key] = [strict(sub) for sub in value]
        elif key == "pattern":
            # Go regular expressions as CRDs write them; those used here are valid ECMA-262 as well
            out[key] = value
        else:
            out[key] = value
    open_ = out.pop("x-kubernetes-preserve-unknown-fields", False)
    int_or_string = out.pop("x-kubernetes-int-or-string", False)
    out.pop("x-kubernetes-embedded-resource", None)
    if int_or_string:
        out.pop("anyOf", None)
        out["type"] = ["integer", "string"]
    if out.pop("nullable", False) and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    if "properties" in out and "additionalProperties" not in out and not open_:
        out["additionalProperties"] = False
    return out


def refs(schema, found):
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref":
                found.add(value.split("/")[-1])
            else:
                refs(value, found)
    elif isinstance(schema, list):
        for value in schema:
            refs(value, found)


def closure(definitions, roots):
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name in SPECIAL:
            continue
        found = set()
        refs(definitions[name], found)
        todo.extend(found - seen)
    return seen


def definitions_for(definitions, roots):
    return {name: SPECIAL.get(name) or strict(definitions[name]) for name in sorted(closure(definitions, roots))}


def pin_type(schema, api_version, kind):
    schema["properties"]["apiVersion"] = {"const": api_version}
    schema["properties"]["kind"] = {"const": kind}
    schema["required"] = sorted(set(schema.get("required", [])) | {"apiVersion", "kind", "metadata"})
    return schema


def file_name(api_version, kind):
    return (api_version.replace("/", "_").replace(".", "-") + "_" + kind + ".json").lower()


def write(target, api_version, kind, schema):
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = api_version + " " + kind
    with open(os.path.join(target, file_name(api_version, kind)), "w") as out:
        json.dump(schema, out, indent=1, sort_keys=True)
        out.write("\n")


def main(source, target):
    with open(os.path.join(source, KUBERNETES)) as f:
        definitions = json.load(f)["definitions"]
    for (api_version, kind), name in KUBERNETES_KINDS.items():
        defs = definitions_for(definitions, [name])
        root = defs.pop(name)
        root["definitions"] = defs
        write(target, api_version, kind, pin_type(root, api_version, kind))
    meta = definitions_for(definitions, [OBJECT_META])
    for crd_file, versions in CRDS.items():
        with open(os.path.join(source, crd_file)) as f:
            crd = yaml.safe_load(f)
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            if version["name"] not in versions:
                continue
            root = strict(version["schema"]["openAPIV3Schema"])
            root["properties"]["metadata"] = {"$ref": "#/definitions/" + OBJECT_META}
            root["definitions"] = dict(meta)
            write(target, group + "/" + version["name"], kind, pin_type(root, group + "/" + version["name"], kind))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1], os.path.dirname(os.path.abspath(__file__)))
