using System.Collections.Frozen;
using System.Reflection;

namespace Serverless.Engine.Triggers;

/// <summary>Every known trigger type by each of its names, discovered in this assembly.</summary>
public sealed class TriggerTypeRegistry
{
    private readonly FrozenDictionary<string, TriggerType> _byName;

    public TriggerTypeRegistry(IEnumerable<TriggerType> types)
    {
        _byName = types.SelectMany(t => t.Names.Select(n => (n, t))).ToFrozenDictionary(p => p.n, p => p.t, StringComparer.Ordinal);
    }

    public static TriggerTypeRegistry BuiltIn { get; } = new(
        typeof(TriggerType).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(TriggerType))
                && t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .Select(t => (TriggerType)Activator.CreateInstance(t)!));

    public TriggerType? Find(string name) => _byName.GetValueOrDefault(name);
}
