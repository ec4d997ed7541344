using System.Collections.Generic;
namespace OpenRan.Simulation.Integrity;

/// <summary>What <see cref="FalseDetectionSimulation"/> runs: the channel, the number of noise-only trials, the seed and the threads.</summary>
public sealed record FalseDetectionOptions
{
    /// <summary>The largest number of trials.</summary>
    public const long MaxTrials = 1_000_000_000;

    /// <summary>The channel (receiver or decoder) under test.</summary>
    public FalseDetectionChannel Channel { get; init; }

    /// <summary>Noise-only trials, 1..<see cref="MaxTrials"/>.</summary>
    public long Trials { get; init; } = 10_000;

    /// <summary>
    /// UCI payload bits A for <see cref="FalseDetectionChannel.UciPolar"/> (12..1706, default 22),
    /// <see cref="FalseDetectionChannel.UciSmall"/> (1..11, default 6) and the CSI part 1 bits of PUCCH formats 2–4
    /// (format 2: 1..40, default 4; format 3: 1..90, default 22; format 4: 1..40, default 22); 0 = the default. Ignored by the other channels.
    /// </summary>
    public int PayloadBits { get; init; }

    /// <summary>Master seed: results depend on it and on the trial count only (not on the threads).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads, 1..256.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The problems of these options, each naming the value and the valid range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!System.Enum.IsDefined(Channel))
        {
            problems.Add($"Channel = {Channel}; valid: {string.Join(", ", FalseDetectionChannels.Names)}");
        }

        if (Trials < 1 || Trials > MaxTrials)
        {
            problems.Add($"Trials = {Trials}; valid: 1..{MaxTrials}");
        }

        if (Threads < 1 || Threads > 256)
        {
            problems.Add($"Threads = {Threads}; valid: 1..256");
        }

        if (System.Enum.IsDefined(Channel) && PayloadBits != 0)
        {
            (int min, int max) = FalseDetectionChannels.PayloadRange(Channel);
            if (PayloadBits < min || PayloadBits > max)
            {
                problems.Add(max == 0 ? $"PayloadBits = {PayloadBits}; {FalseDetectionChannels.Name(Channel)} takes none (valid: 0)" : $"PayloadBits = {PayloadBits}; valid for {FalseDetectionChannels.Name(Channel)}: 0 (default) or {min}..{max}");
            }
        }

        return problems;
    }

    /// <summary>Throws when invalid.</summary>
    /// <exception cref="System.ArgumentException">An option is out of range (every problem named).</exception>
    public void ThrowIfInvalid()
    {
        IReadOnlyList<string> problems = Validate();
        if (problems.Count > 0)
        {
            throw new System.ArgumentException(string.Join("; ", problems) + ".");
        }
    }
}
