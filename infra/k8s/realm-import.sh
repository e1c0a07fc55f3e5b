#!/usr/bin/env bash
# Writes keycloak-realm-import.yaml (a KeycloakRealmImport) from ../keycloak/otasuke-realm.json.
set -euo pipefail
cd "$(dirname "$0")"
{
  echo "apiVersion: k8s.keycloak.org/v2alpha1"
  echo "kind: KeycloakRealmImport"
  echo "metadata: {name: otasuke-realm, namespace: otasuke}"
  echo "spec:"
  echo "  keycloakCRName: otasuke-keycloak"
  echo "  realm:"
  # JSON is YAML: indent the realm document under spec.realm
  sed 's/^/    /' ../keycloak/otasuke-realm.json
} > keycloak-realm-import.yaml
echo "Wrote $(pwd)/keycloak-realm-import.yaml"
