namespace Serverless.Api;

/// <summary>
/// Every API route: its name (what hosts dispatch on), method, template (Kestra's tenant-less paths),
/// summary and query parameters. Hosts map these templates as they are; the OpenAPI document is built from
/// them, so the list here is the API's single description.
/// </summary>
public static class ApiRoutes
{
    public const string FlowsCreate = "flows.create";
    public const string FlowsValidate = "flows.validate";
    public const string FlowsSearch = "flows.search";
    public const string FlowsList = "flows.list";
    public const string FlowsGet = "flows.get";
    public const string FlowsUpdate = "flows.update";
    public const string FlowsDelete = "flows.delete";
    public const string FlowsRevisions = "flows.revisions";
    public const string ExecutionsStart = "executions.start";
    public const string ExecutionsSearch = "executions.search";
    public const string ExecutionsGet = "executions.get";
    public const string ExecutionsKill = "executions.kill";
    public const string ExecutionsResume = "executions.resume";
    public const string ExecutionsRestart = "executions.restart";
    public const string ExecutionsFollow = "executions.follow";
    public const string ExecutionsFile = "executions.file";
    public const string LogsGet = "logs.get";
    public const string LogsFollow = "logs.follow";
    public const string FilesDirectory = "files.directory";
    public const string FilesGet = "files.get";
    public const string FilesUpload = "files.upload";
    public const string FilesMove = "files.move";
    public const string FilesDelete = "files.delete";
    public const string KvList = "kv.list";
    public const string KvGet = "kv.get";
    public const string KvPut = "kv.put";
    public const string KvDelete = "kv.delete";
    public const string TriggersBackfill = "triggers.backfill";
    public const string Webhook = "webhook";
    public const string OpenApi = "openapi";

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new(FlowsCreate, "POST", "api/v1/flows", "Create a flow from its YAML (application/x-yaml); 422 with positions when invalid, 409 when it exists."),
        new(FlowsValidate, "POST", "api/v1/flows/validate", "Validate one or more YAML flows (documents separated by ---) without saving them."),
        new(FlowsSearch, "GET", "api/v1/flows/search", "Search flows by namespace prefix and text.", ["namespace", "q", "page", "size"]),
        new(FlowsList, "GET", "api/v1/flows/{namespace}", "List the flows of one namespace (use search for child namespaces)."),
        new(FlowsGet, "GET", "api/v1/flows/{namespace}/{id}", "A flow as JSON, or its YAML source with ?source=true or Accept: application/x-yaml.", ["source", "revision"]),
        new(FlowsUpdate, "PUT", "api/v1/flows/{namespace}/{id}", "Replace a flow with new YAML: saves a new revision."),
        new(FlowsDelete, "DELETE", "api/v1/flows/{namespace}/{id}", "Delete a flow (its revisions stay in history)."),
        new(FlowsRevisions, "GET", "api/v1/flows/{namespace}/{id}/revisions", "Every revision of a flow, delete markers included."),
        new(ExecutionsSearch, "GET", "api/v1/executions/search", "Search executions; results are summaries.", ["namespace", "flowId", "state", "startDate", "endDate", "labels", "page", "size", "sort"]),
        new(ExecutionsStart, "POST", "api/v1/executions/{namespace}/{flowId}", "Start an execution; inputs as JSON or multipart/form-data (FILE inputs as files).", ["labels", "wait", "scheduleDate", "revision"]),
        new(ExecutionsGet, "GET", "api/v1/executions/{executionId}", "An execution, with live task runs while it runs."),
        new(ExecutionsKill, "DELETE", "api/v1/executions/{executionId}/kill", "Kill a running execution and its subflow executions."),
        new(ExecutionsResume, "POST", "api/v1/executions/{executionId}/resume", "Resume a PAUSED execution with the Pause task's onResume inputs (JSON or form)."),
        new(ExecutionsRestart, "POST", "api/v1/executions/{executionId}/restart", "Run a FAILED or KILLED execution again as a new execution (same flow revision and inputs)."),
        new(ExecutionsFollow, "GET", "api/v1/executions/{executionId}/follow", "Server-sent events: execution snapshots until it ends."),
        new(ExecutionsFile, "GET", "api/v1/executions/{executionId}/file", "Download a kestra:// file of the execution's namespace.", ["path"]),
        new(LogsGet, "GET", "api/v1/logs/{executionId}", "The execution's task logs.", ["minLevel", "taskId", "taskRunId"]),
        new(LogsFollow, "GET", "api/v1/logs/{executionId}/follow", "Server-sent events: log lines as they are written, until the execution ends.", ["minLevel"]),
        new(FilesDirectory, "GET", "api/v1/namespaces/{namespace}/files/directory", "List namespace files under a folder.", ["path"]),
        new(FilesGet, "GET", "api/v1/namespaces/{namespace}/files", "A namespace file's content.", ["path"]),
        new(FilesUpload, "POST", "api/v1/namespaces/{namespace}/files", "Create or replace a namespace file (multipart fileContent or raw body).", ["path"]),
        new(FilesMove, "PUT", "api/v1/namespaces/{namespace}/files", "Move a namespace file or folder; never overwrites.", ["from", "to"]),
        new(FilesDelete, "DELETE", "api/v1/namespaces/{namespace}/files", "Delete a namespace file.", ["path"]),
        new(KvList, "GET", "api/v1/namespaces/{namespace}/kv", "The namespace's KV keys.", ["prefix"]),
        new(KvGet, "GET", "api/v1/namespaces/{namespace}/kv/{key}", "A KV value: { type, value }."),
        new(KvPut, "PUT", "api/v1/namespaces/{namespace}/kv/{key}", "Set a KV value (JSON body, or text/plain); optional ttl header (ISO-8601 duration).", []),
        new(KvDelete, "DELETE", "api/v1/namespaces/{namespace}/kv/{key}", "Delete a KV key."),
        new(TriggersBackfill, "PUT", "api/v1/triggers/{namespace}/{flowId}/{triggerId}/backfill", "Backfill a Schedule trigger: run its occurrences between start and end (default now) that have not run yet."),
        new(Webhook, "GET,POST,PUT", "api/v1/executions/webhook/{namespace}/{flowId}/{key}", "Start a flow through its Webhook trigger; the key is the credential.", [], Anonymous: true),
        new(OpenApi, "GET", "api/v1/openapi.json", "This document."),
    ];

    public static ApiRoute Get(string name) => All.First(r => r.Name == name);
}

/// <summary>One route. <see cref="Method"/> may list several methods separated by commas.</summary>
public sealed record ApiRoute(string Name, string Method, string Template, string Summary, IReadOnlyList<string>? QueryParameters = null, bool Anonymous = false)
{
    public IReadOnlyList<string> Methods => Method.Split(',');

    /// <summary>The names of the template's <c>{parameters}</c>, in order.</summary>
    public IReadOnlyList<string> Parameters =>
        [.. Template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}'))];

    /// <summary>
    /// Matches a request path (without query) against the template: each <c>{parameter}</c> takes one
    /// URL-decoded segment. Null when the path does not match. Hosts whose framework does not expose route
    /// values use this.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var template = Template.Split('/');
        var segments = path.Trim('/').Split('/');
        if (segments.Length != template.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith('{'))
            {
                values[template[i].Trim('{', '}')] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(template[i], segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return values;
    }
}
