package io.smartrouter.gateway.project.web;

/** {@code POST /admin/projects}: a name, and whether it is a sandbox project (the default) or a live one. */
record CreateProjectRequest(String name, Boolean sandbox) {
}
