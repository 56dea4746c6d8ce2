namespace Serverless.Api;

/// <summary>
/// The OpenAPI 3 document of the API, generated from <see cref="ApiRoutes.All"/> so it never drifts from the
/// routes the hosts map. Bodies are described by media type only; responses by status.
/// </summary>
public static class OpenApiDocument
{
    public static IReadOnlyDictionary<string, object?> Build()
    {
        var paths = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var route in ApiRoutes.All)
        {
            var path = "/" + route.Template;
            if (paths.GetValueOrDefault(path) is not Dictionary<string, object?> item)
            {
                paths[path] = item = [];
            }

            foreach (var method in route.Methods)
            {
                item[method.ToLowerInvariant()] = Operation(route, method);
            }
        }

        return new Dictionary<string, object?>
        {
            ["openapi"] = "3.0.3",
            ["info"] = new Dictionary<string, object?>
            {
                ["title"] = "Serverless Flows API",
                ["version"] = "v1",
                ["description"] = "Kestra-compatible flows, executions, logs, namespace files and KV, tenant-less.",
            },
            ["paths"] = paths,
            ["components"] = new Dictionary<string, object?>
            {
                ["securitySchemes"] = new Dictionary<string, object?>
                {
                    ["functionKey"] = new Dictionary<string, object?> { ["type"] = "apiKey", ["in"] = "header", ["name"] = "x-functions-key" },
                    ["functionKeyQuery"] = new Dictionary<string, object?> { ["type"] = "apiKey", ["in"] = "query", ["name"] = "code" },
                },
            },
            ["security"] = new List<object?>
            {
                new Dictionary<string, object?> { ["functionKey"] = new List<object?>() },
                new Dictionary<string, object?> { ["functionKeyQuery"] = new List<object?>() },
            },
        };
    }

    private static Dictionary<string, object?> Operation(ApiRoute route, string method)
    {
        var parameters = route.Parameters
            .Select(p => Parameter(p, "path", required: true))
            .Concat((route.QueryParameters ?? []).Select(q => Parameter(q, "query", required: false)))
            .ToList();
        var operation = new Dictionary<string, object?>
        {
            ["operationId"] = route.Methods.Count > 1 ? route.Name + "." + method.ToLowerInvariant() : route.Name,
            ["summary"] = route.Summary,
            ["tags"] = new List<object?> { route.Name.Split('.')[0] },
            ["parameters"] = parameters,
            ["responses"] = new Dictionary<string, object?>
            {
                ["200"] = new Dictionary<string, object?> { ["description"] = "Success" },
                ["default"] = new Dictionary<string, object?> { ["description"] = "Error: { message, details: [ { path, message, line, column } ] }" },
            },
        };
        if (route.Anonymous)
        {
            operation["security"] = new List<object?>();
        }

        return operation;
    }

    private static Dictionary<string, object?> Parameter(string name, string location, bool required) => new()
    {
        ["name"] = name,
        ["in"] = location,
        ["required"] = required,
        ["schema"] = new Dictionary<string, object?> { ["type"] = "string" },
    };
}
