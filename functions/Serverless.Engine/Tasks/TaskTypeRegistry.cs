using System.Collections.Frozen;
using System.Reflection;

namespace Serverless.Engine.Tasks;

/// <summary>
/// Every known task type by each of its names. Built-in types are found in this assembly, so adding a type
/// is adding its file; hosts may add their own.
/// </summary>
public sealed class TaskTypeRegistry
{
    private readonly FrozenDictionary<string, TaskType> _byName;

    public TaskTypeRegistry(IEnumerable<TaskType> types)
    {
        var byName = new Dictionary<string, TaskType>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            foreach (var name in type.Names)
            {
                if (!byName.TryAdd(name, type))
                {
                    throw new InvalidOperationException($"Task type name '{name}' is declared by both {byName[name].GetType().Name} and {type.GetType().Name}.");
                }
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        Types = [.. byName.Values.Distinct()];
    }

    /// <summary>The built-in task types of the engine.</summary>
    public static TaskTypeRegistry BuiltIn { get; } = new(DiscoverBuiltIn());

    /// <summary>Each distinct type once.</summary>
    public IReadOnlyList<TaskType> Types { get; }

    /// <summary>The type with this canonical name or alias, or null.</summary>
    public TaskType? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The type with this name; throws for an unknown name (a flow that passed validation has none).</summary>
    public TaskType Get(string name) => Find(name) ?? throw new KeyNotFoundException($"Unknown task type '{name}'.");

    private static IEnumerable<TaskType> DiscoverBuiltIn() =>
        typeof(TaskType).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(TaskType))
                && t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (TaskType)Activator.CreateInstance(t)!);
}
