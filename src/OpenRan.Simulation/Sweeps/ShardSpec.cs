using System;
using System.Globalization;

namespace OpenRan.Simulation.Sweeps;

/// <summary>
/// One slice of a sweep for a cluster run: shard <see cref="Index"/> of <see cref="Count"/> (0-based). Batch b of SNR
/// point p belongs to shard (p + b) mod N, so every shard gets a share of every point.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The environment variable of Slurm job arrays.</summary>
    public const string SlurmVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>The environment variable of Kubernetes Indexed Jobs.</summary>
    public const string KubernetesVariable = "JOB_COMPLETION_INDEX";

    /// <summary>The whole sweep in one process.</summary>
    public static ShardSpec Single => new(0, 1);

    /// <summary>True for the whole sweep (1 shard).</summary>
    public bool IsSingle => Count == 1;

    /// <summary>True when this shard runs batch <paramref name="batchIndex"/> of point <paramref name="pointIndex"/>.</summary>
    public bool Owns(int pointIndex, int batchIndex) => (((long)pointIndex + batchIndex) % Count) == Index;

    /// <summary>
    /// Parses <c>i/N</c> (0 ≤ i &lt; N ≤ 100000). The index may be left out (<c>/N</c> or <c>*/N</c>) to take it from
    /// <c>SLURM_ARRAY_TASK_ID</c> or <c>JOB_COMPLETION_INDEX</c> in <paramref name="environment"/>; when a variable is
    /// set and an index is given too, they must agree.
    /// </summary>
    /// <exception cref="FormatException">The text, or the environment index, is not valid; the message says why.</exception>
    public static ShardSpec Parse(string text, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        string[] parts = text.Trim().Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count is < 1 or > 100_000)
        {
            throw new FormatException($"--shard '{text}' is not valid; expected i/N with 1 ≤ N ≤ 100000 and 0 ≤ i < N (e.g. 3/16), or /N to take i from {SlurmVariable} or {KubernetesVariable}.");
        }

        int? fromEnvironment = EnvironmentIndex(environment);
        int index;
        if (parts[0].Length == 0 || parts[0] == "*")
        {
            index = fromEnvironment ?? throw new FormatException($"--shard '{text}' has no index and neither {SlurmVariable} nor {KubernetesVariable} is set.");
        }
        else if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            throw new FormatException($"--shard '{text}': index '{parts[0]}' is not a non-negative integer.");
        }
        else if (fromEnvironment is int env && env != index)
        {
            throw new FormatException($"--shard '{text}' disagrees with the environment index {env}.");
        }

        if (index >= count)
        {
            throw new FormatException($"--shard '{text}': index {index} is out of range; valid: 0 … {count - 1}.");
        }

        return new ShardSpec(index, count);
    }

    /// <summary>Reads the shard index from <c>SLURM_ARRAY_TASK_ID</c>, else <c>JOB_COMPLETION_INDEX</c>; null when neither is set.</summary>
    public static int? EnvironmentIndex(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (string name in new[] { SlurmVariable, KubernetesVariable })
        {
            string? value = environment(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                throw new FormatException($"{name} = '{value}' is not a non-negative integer.");
            }

            return index;
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
