using System.Net;
using System.Text;
using Serverless.Serve.Tests;

namespace Serverless.Reliability.Tests.Security;

/// <summary>
/// Path attacks through every namespace-file route and the execution-file route: each is rejected with a
/// 4xx JSON error, never served, never written, never a 500.
/// </summary>
public sealed class PathAttackTests(MemoryServeFixture serve) : IClassFixture<MemoryServeFixture>
{
    private const string Namespace = "sec.paths";

    public static TheoryData<string> Attacks() =>
    [
        "..", "../x", "a/../../b", "./a", "a/./b", "%2e%2e/x", "%2e%2e%2fx", "..%2fx", "..%5cx", "%252e%252e/x",
        "C:/x", "C:\\x", "c:", "a\\..\\b", "\\\\server\\share", "a\u0000b", "%00", "a\nb", "\u2025/x", "\uFF0E\uFF0E/x",
        "a\u2215..\u2215b", "a\uFF0F..", "\u202Etxt.exe", "con.txt", "a//b", "dir /x", "file.", "//etc/passwd",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task NamespaceFileRoutes_AttackPath_Answer4xxAndTouchNothing(string attack)
    {
        var query = Uri.EscapeDataString(attack);
        var before = Snapshot();

        var answers = new[]
        {
            await Client.GetAsync($"api/v1/namespaces/{Namespace}/files?path={query}"),
            await Client.GetAsync($"api/v1/namespaces/{Namespace}/files/directory?path={query}"),
            await Client.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{Namespace}/files?path={query}", new StringContent("pwned", Encoding.UTF8, "text/plain")),
            await Client.SendAsync(HttpMethod.Put, $"api/v1/namespaces/{Namespace}/files?from={query}&to=safe.txt", null),
            await Client.SendAsync(HttpMethod.Put, $"api/v1/namespaces/{Namespace}/files?from=safe.txt&to={query}", null),
            await Client.DeleteAsync($"api/v1/namespaces/{Namespace}/files?path={query}"),
        };

        Assert.All(answers, a =>
        {
            Assert.True((int)a.Status is >= 400 and < 500, $"{attack}: {a}");
            Assert.Equal("application/json", a.MediaType);
        });
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("kestra:///sec/other/flow/executions/5aMdE0TjzRwEJ6wq3ebo8L/x.txt")]
    [InlineData("kestra:///sec/paths/../../etc/passwd")]
    [InlineData("kestra:///sec/paths/flow/executions/%2e%2e/x")]
    [InlineData("kestra://host/sec/paths/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task ExecutionFile_PathOutsideItsNamespace_IsRefused(string uri)
    {
        var execution = await StartedExecutionAsync();

        var answer = await Client.GetAsync($"api/v1/executions/{execution}/file?path={Uri.EscapeDataString(uri)}");

        Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, answer.ToString());
        Assert.DoesNotContain("root:", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamespaceFile_SymlinkLeavingTheRoot_IsNotFollowed()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{Namespace}/files?path=real.txt", new StringContent("ok", Encoding.UTF8, "text/plain"))).Status);
        var folder = Directory.EnumerateFiles(serve.Root, "real.txt", SearchOption.AllDirectories).Select(Path.GetDirectoryName).Single()!;
        File.CreateSymbolicLink(Path.Join(folder, "escape"), "/etc");

        var file = await Client.GetAsync($"api/v1/namespaces/{Namespace}/files?path=escape/passwd");
        var listing = await Client.GetAsync($"api/v1/namespaces/{Namespace}/files/directory?path=escape");

        Assert.True((int)file.Status is >= 400 and < 500, file.ToString());
        Assert.DoesNotContain("root:", file.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", listing.Body, StringComparison.Ordinal);
    }

    private ApiClient Client => serve.Client;

    private async Task<string> StartedExecutionAsync()
    {
        await Client.PutYamlAsync($"api/v1/flows/{Namespace}/flow", Flow);
        var created = await Client.PostYamlAsync("api/v1/flows", Flow);
        Assert.True(created.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, created.ToString());
        var run = await Client.RunAsync(Namespace, "flow");
        return run.GetProperty("id").GetString()!;
    }

    private const string Flow = "id: flow\nnamespace: sec.paths\ntasks:\n  - id: r\n    type: io.kestra.plugin.core.debug.Return\n    format: x\n";

    /// <summary>Every file under the fixture's storage root, with its length.</summary>
    private string Snapshot() => string.Join('\n', Directory.EnumerateFileSystemEntries(serve.Root, "*", SearchOption.AllDirectories)
        .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}.tmp", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal));
}
