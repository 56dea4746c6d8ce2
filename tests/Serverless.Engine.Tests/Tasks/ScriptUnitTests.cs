using System.Collections;
using Serverless.Engine.Contracts;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Tests.Tasks;

public sealed class ScriptUnitTests
{
    [Theory]
    [InlineData("*.csv", "a.csv", true)]
    [InlineData("*.csv", "dir/a.csv", false)]
    [InlineData("**.csv", "dir/sub/a.csv", true)]
    [InlineData("**/*.csv", "a.csv", true)]
    [InlineData("**/*.csv", "x/y/a.csv", true)]
    [InlineData("reports/**", "reports/2026/r.txt", true)]
    [InlineData("reports/**", "other/r.txt", false)]
    [InlineData("{a,b}.txt", "b.txt", true)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("[!x]*.txt", "x1.txt", false)]
    public void Globs_Match_FollowsKestraGlobSemantics(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, Globs.Compile([pattern], "test").Matches(path));
    }

    [Fact]
    public void PythonShim_OnlyPython3OnPath_LinksPythonToPython3()
    {
        var root = Directory.CreateTempSubdirectory("flows-shim-test-").FullName;
        try
        {
            var tools = Directory.CreateDirectory(Path.Join(root, "tools")).FullName;
            var bin = Directory.CreateDirectory(Path.Join(root, "bin")).FullName;
            File.WriteAllText(Path.Join(tools, "python3"), "#!/bin/sh\n");

            var shim = PythonShim.Prepare(bin, tools);

            Assert.Equal(bin, shim);
            Assert.Equal(Path.Join(tools, "python3"), new FileInfo(Path.Join(bin, "python")).LinkTarget);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void PythonShim_PythonAlreadyOnPath_AddsNothing()
    {
        var root = Directory.CreateTempSubdirectory("flows-shim-test-").FullName;
        try
        {
            File.WriteAllText(Path.Join(root, "python"), "");
            File.WriteAllText(Path.Join(root, "pip"), "");

            Assert.Null(PythonShim.Prepare(root, root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ScriptEnvironment_Build_KeepsAllowListAndDropsCredentials()
    {
        var host = new Hashtable
        {
            ["PATH"] = "/usr/bin:/bin",
            ["LC_ALL"] = "C.UTF-8",
            ["PYTHONPATH"] = "/opt/lib",
            ["AZURE_CLIENT_SECRET"] = "x",
            ["IDENTITY_HEADER"] = "x",
            ["MSI_SECRET"] = "x",
            ["AzureWebJobsStorage"] = "x",
            ["SECRET_TOKEN"] = "eA==",
            ["RANDOM_HOST_VAR"] = "x",
        };
        var request = new TaskRequest { ExecutionId = "e1", Namespace = "company.team", FlowId = "f", TaskRunId = "r1", TaskId = "t", Type = "x", Attempt = 1 };
        using var workspace = ScriptWorkspace.Create();

        var env = ScriptEnvironment.Build(host, request, workspace, "tok", new Dictionary<string, string> { ["AZURE_OWN"] = "set by the flow" });

        Assert.Equal("C.UTF-8", env["LC_ALL"]);
        Assert.Equal("/opt/lib", env["PYTHONPATH"]);
        Assert.Equal("2", env["KESTRA_TASKRUN_ATTEMPT"]);
        Assert.Equal("set by the flow", env["AZURE_OWN"]);
        Assert.DoesNotContain(env.Keys, k => k is "AZURE_CLIENT_SECRET" or "IDENTITY_HEADER" or "MSI_SECRET" or "AzureWebJobsStorage" or "SECRET_TOKEN" or "RANDOM_HOST_VAR");
    }
}
