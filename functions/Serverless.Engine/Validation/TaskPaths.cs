using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Validation;

/// <summary>
/// Every task of a flow with the property path the parser gives it (<c>tasks[0].cases.A[1]</c>,
/// <c>tasks[2].tasks[0].task</c> inside a Dag), so whole-flow rules point at the same place as parse errors.
/// </summary>
internal static class TaskPaths
{
    /// <summary>Every task, nested ones included, in document order, with its path.</summary>
    public static IEnumerable<(TaskDefinition Task, string Path)> Of(Flow flow, TaskTypeRegistry types)
    {
        IEnumerable<(TaskDefinition, string)> Section(IReadOnlyList<TaskDefinition> tasks, string name) =>
            tasks.SelectMany((task, i) => WithDescendants(task, $"{name}[{i}]", types));

        return Section(flow.Tasks, "tasks")
            .Concat(Section(flow.Errors, "errors"))
            .Concat(Section(flow.Finally, "finally"))
            .Concat(Section(flow.AfterExecution, "afterExecution"));
    }

    private static IEnumerable<(TaskDefinition, string)> WithDescendants(TaskDefinition task, string path, TaskTypeRegistry types)
    {
        yield return (task, path);
        var type = types.Find(task.Type);
        foreach (var branch in task.Branches)
        {
            var isDag = type?.Properties.Any(p => p.Name == branch.Name && p.Kind == PropertyKind.DagTasks) ?? false;
            var branchPath = path + "." + BranchSegment(branch.Name);
            for (var i = 0; i < branch.Tasks.Count; i++)
            {
                var childPath = isDag ? $"{branchPath}[{i}].task" : $"{branchPath}[{i}]";
                foreach (var descendant in WithDescendants(branch.Tasks[i], childPath, types))
                {
                    yield return descendant;
                }
            }
        }
    }

    /// <summary>A Switch case branch is named <c>cases/KEY</c>; its path segment is <c>cases.KEY</c>.</summary>
    private static string BranchSegment(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? name : $"{name[..slash]}.{name[(slash + 1)..]}";
    }
}
