using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Equalization;

namespace OpenRan.Cli.Commands;

/// <summary>
/// A researcher's receiver part loaded from their own assembly (<c>openran sim pusch|pdsch --plugin ASSEMBLY[,TYPE]</c>): a
/// public <see cref="IChannelEqualizer"/> or <see cref="IChannelEstimator"/> with a constructor whose parameters are all
/// optional, swapped into every worker's receiver in place of the built-in part.
/// </summary>
internal sealed class ReceiverPlugin
{
    private readonly ConstructorInfo _constructor;
    private readonly object?[] _arguments;

    private ReceiverPlugin(Type type, ConstructorInfo constructor)
    {
        Type = type;
        _constructor = constructor;
        _arguments = constructor.GetParameters().Select(p => p.DefaultValue).ToArray();
    }

    /// <summary>The plugin type.</summary>
    public Type Type { get; }

    /// <summary>Which part it replaces: <c>equalizer</c> or <c>channel estimator</c>.</summary>
    public string Part => typeof(IChannelEqualizer).IsAssignableFrom(Type) ? "equalizer" : "channel estimator";

    /// <summary>Loads the plugin named by <paramref name="specification"/>: <c>path/to/Assembly.dll</c>, optionally followed by <c>,TypeName</c>.</summary>
    /// <exception cref="ArgumentException">The file is missing or not a .NET assembly, or it holds no (or more than one unnamed) usable type; the message lists the usable types.</exception>
    public static ReceiverPlugin Load(string specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        string[] parts = specification.Split(',', 2, StringSplitOptions.TrimEntries);
        string path = Path.GetFullPath(parts[0]);
        string? typeName = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        if (!File.Exists(path))
        {
            throw new ArgumentException(CliOption.InvalidValue("--plugin", specification, "the path of a .NET assembly (.dll), optionally followed by ,TYPE"));
        }

        Assembly assembly;
        try
        {
            assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new ArgumentException($"--plugin = {specification} is not valid: {path} is not a loadable .NET assembly ({e.Message}).", e);
        }

        (Type Type, ConstructorInfo Constructor)[] usable = assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && (typeof(IChannelEqualizer).IsAssignableFrom(t) || typeof(IChannelEstimator).IsAssignableFrom(t)))
            .Select(t => (Type: t, Constructor: t.GetConstructors().FirstOrDefault(c => c.GetParameters().All(p => p.IsOptional))))
            .Where(u => u.Constructor is not null)
            .Select(u => (u.Type, u.Constructor!))
            .ToArray();
        string names = usable.Length == 0 ? "(none)" : string.Join(", ", usable.Select(u => u.Type.FullName));
        (Type Type, ConstructorInfo Constructor)[] chosen = typeName is null
            ? usable
            : usable.Where(u => u.Type.FullName == typeName || u.Type.Name == typeName).ToArray();
        if (chosen.Length != 1)
        {
            string problem = chosen.Length == 0 ? "holds no such type" : "holds several; name one with ,TYPE";
            throw new ArgumentException(
                $"--plugin = {specification} is not valid: {Path.GetFileName(path)} {problem}; valid: a public IChannelEqualizer or IChannelEstimator with a constructor whose parameters are all optional: {names}.");
        }

        return new ReceiverPlugin(chosen[0].Type, chosen[0].Constructor);
    }

    /// <summary>The receiver parts with a new instance of the plugin in place of the built-in one (one instance per receiver).</summary>
    public SharedChannelReceiverComponents Apply(SharedChannelReceiverComponents parts) => _constructor.Invoke(_arguments) switch
    {
        IChannelEqualizer equalizer => parts with { Equalizer = equalizer },
        IChannelEstimator estimator => parts with { Estimator = estimator },
        _ => throw new InvalidOperationException($"{Type.FullName} is neither an equalizer nor a channel estimator."),
    };
}
