namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>One DCI found by the blind search. Instances are reused: the payload buffer is allocated once.</summary>
public sealed class PdcchDetection
{
    /// <summary>The DCI payload bits (first <see cref="PayloadSize"/> are valid).</summary>
    public byte[] Payload { get; } = new byte[140];

    /// <summary>The payload size A (after zero padding to 12).</summary>
    public int PayloadSize { get; internal set; }

    /// <summary>The RNTI that unmasked the CRC.</summary>
    public int Rnti { get; internal set; }

    /// <summary>The aggregation level L.</summary>
    public int AggregationLevel { get; internal set; }

    /// <summary>The first CCE of the candidate.</summary>
    public int FirstCce { get; internal set; }

    /// <summary>The candidate index m at its aggregation level.</summary>
    public int Candidate { get; internal set; }

    /// <summary>Normalized DM-RS correlation of the candidate, 0..1: the DTX statistic C/E over its REG bundles (1 = noiseless).</summary>
    public float DmrsMetric { get; internal set; }

    /// <summary>REs of the candidate (DM-RS and data) that were not finite or absurd and were treated as erasures.</summary>
    public int ErasedResourceElements { get; internal set; }

    /// <summary>The estimated noise variance per RE.</summary>
    public float NoiseVariance { get; internal set; }

    /// <summary>The polar decoder path metric of the detected DCI (0 = every decision agreed with its LLR).</summary>
    public float PathMetric { get; internal set; }
}
