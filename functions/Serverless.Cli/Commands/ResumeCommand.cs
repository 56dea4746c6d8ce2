using System.CommandLine;
using System.Net.Http.Json;
using Serverless.Cli.Terminal;

namespace Serverless.Cli.Commands;

/// <summary>
/// <c>flows resume EXECUTION_ID</c>: resumes a paused execution on a server (<c>flows serve</c> or the Functions
/// app) through its API, with the Pause task's <c>onResume</c> inputs.
/// </summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("execution-id") { Description = "The paused execution's id." };
        var inputs = new Option<string[]>("--input", "-i") { Description = "An onResume input as key=value (repeatable)." };
        var server = new Option<string>("--server")
        {
            Description = "The API's base URL: a flows serve address or the Function app's URL. Default: $FLOWS_SERVER or http://127.0.0.1:8080.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("FLOWS_SERVER") ?? "http://127.0.0.1:8080",
        };
        var key = new Option<string?>("--api-key") { Description = "The API key (function key on Azure). Default: $FLOWS_API_KEY." };
        var command = new Command("resume", "Resume a paused execution on a flows server (a run started by 'flows run' is resumed from its own terminal prompt).")
        {
            id, inputs, server, key,
        };
        command.SetAction((result, cancellation) => ResumeAsync(
            result.GetValue(id)!, result.GetValue(inputs) ?? [], result.GetValue(server)!, result.GetValue(key) ?? Environment.GetEnvironmentVariable("FLOWS_API_KEY"), cancellation));
        return command;
    }

    private static async Task<int> ResumeAsync(string executionId, string[] pairs, string server, string? apiKey, CancellationToken cancellation)
    {
        var console = Consoles.Stderr();
        if (!RunCommand.TryReadInputs(pairs, console, out var inputs))
        {
            return 1;
        }

        if (!Uri.TryCreate(server.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            console.Error($"--server '{server}' is not a URL, e.g. http://127.0.0.1:8080");
            return 1;
        }

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("x-functions-key", apiKey);
        }

        try
        {
            using var response = await http.PostAsJsonAsync($"api/v1/executions/{Uri.EscapeDataString(executionId)}/resume", inputs, cancellation);
            var body = await response.Content.ReadAsStringAsync(cancellation);
            if (!response.IsSuccessStatusCode)
            {
                console.Error($"resume failed ({(int)response.StatusCode} {response.ReasonPhrase}): {body}");
                return 1;
            }

            console.Success($"execution {executionId} resumed");
            return 0;
        }
        catch (HttpRequestException e)
        {
            console.Error($"cannot reach {baseUri}: {e.Message}. Is 'flows serve' running there?");
            return 1;
        }
    }
}
