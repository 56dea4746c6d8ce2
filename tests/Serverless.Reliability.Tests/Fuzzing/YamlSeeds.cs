using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Reliability.Tests.Fuzzing;

/// <summary>Kestra-style flows the YAML fuzzer mutates: the repository's examples and parser fixtures, plus one inline flow.</summary>
public static class YamlSeeds
{
    public const string Inline = """
        id: seed
        namespace: company.team
        description: "Inline seed: {{ inputs.name }}"
        labels:
          env: dev
        inputs:
          - id: name
            type: STRING
            defaults: world
          - id: count
            type: INT
            defaults: 3
        variables:
          greeting: "hello {{ inputs.name }}"
        tasks:
          - id: ret
            type: io.kestra.plugin.core.debug.Return
            format: "{{ vars.greeting }}"
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT0.1S
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [1, 2, 3]
            tasks:
              - id: shell
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - echo {{ taskrun.value }}
            retry:
              type: constant
              interval: PT1S
              maxAttempt: 2
        errors:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: failed
        triggers:
          - id: hourly
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 * * * *"
        """;

    /// <summary>Every seed source, the inline one first.</summary>
    public static IReadOnlyList<string> All { get; } = Load();

    private static List<string> Load()
    {
        var root = RepositoryRoot.Path;
        var folders = new[]
        {
            Path.Join(root, "examples"),
            Path.Join(root, "tests", "Serverless.Engine.Tests", "Parsing", "Fixtures"),
        };
        var files = folders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText);
        return [Inline, .. files];
    }
}
