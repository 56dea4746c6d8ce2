using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Namespace;

namespace Serverless.Engine.Tasks.Kv;

/// <summary>The KV tasks' and <c>kv()</c>'s namespace rule (<see cref="NamespaceAccess"/>) and store.</summary>
internal static class KvNamespaces
{
    public static string Resolve(string flowNamespace, string? requested) =>
        NamespaceAccess.Resolve(flowNamespace, requested, "the KV store");

    public static IKeyValueStore Store(TaskRunContext context) =>
        Scripts.ScriptTaskType.Require<IKeyValueStore>(context, "KV tasks");
}
