using System;
using OpenRan.Phy.Upper.Channels.Pdcch;

namespace OpenRan.Engine.Scheduling;

/// <summary>One PDCCH (a DCI): CORESET, candidate, identities and the payload bits.</summary>
public sealed class PdcchPdu
{
    /// <summary>The DCI payload buffer (unpacked bits; the first <see cref="PayloadSize"/> are sent).</summary>
    public byte[] Payload { get; } = new byte[140];

    /// <summary>Payload size A.</summary>
    public int PayloadSize { get; set; }

    /// <summary>The CORESET (built once by the scheduler).</summary>
    public Coreset Coreset { get; set; } = null!;

    /// <summary>Slot symbol of CORESET symbol 0.</summary>
    public int FirstSymbol { get; set; }

    /// <summary>First CCE.</summary>
    public int FirstCce { get; set; }

    /// <summary>Aggregation level.</summary>
    public int AggregationLevel { get; set; }

    /// <summary>The RNTI masking the CRC.</summary>
    public int Rnti { get; set; }

    /// <summary>n_RNTI of the data scrambling (0 unless a UE-specific space with pdcch-DMRS-ScramblingID).</summary>
    public int ScramblingRnti { get; set; }

    /// <summary>The payload bits in use.</summary>
    public ReadOnlySpan<byte> Bits => Payload.AsSpan(0, PayloadSize);
}
