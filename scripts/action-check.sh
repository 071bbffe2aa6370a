#!/usr/bin/env bash
# The check step of the GitHub Action (action.yml): runs `csp-partners check` on the inputs, writes the
# SARIF report for code scanning and the readable report to the log, and puts the exit status in the
# step's outputs (the action fails after the upload, so that the findings reach code scanning either way).
# Inputs come as environment variables: CSP_FILES (files or globs, space-separated; empty: every manifest),
# CSP_BASELINE (a baseline file, optional), CSP_ARGS (more options), CSP_SARIF (the SARIF file to write).
set -uo pipefail
cli="${GITHUB_ACTION_PATH:?}/server/out/cli.js"
read -r -a files <<< "${CSP_FILES:-}"
read -r -a extra <<< "${CSP_ARGS:-}"
options=()
if [ -n "${CSP_BASELINE:-}" ]; then options+=(--baseline "$CSP_BASELINE"); fi
sarif="${CSP_SARIF:-csp-partners.sarif}"

node "$cli" check "${files[@]}" "${options[@]}" "${extra[@]}"
status=$?
if [ "$status" -ne 2 ]; then
  # The same check as SARIF (a bad invocation was said above already, with the usage).
  node "$cli" check "${files[@]}" "${options[@]}" "${extra[@]}" --format sarif --output "$sarif" > /dev/null
fi
echo "status=$status" >> "${GITHUB_OUTPUT:-/dev/null}"
echo "sarif=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
