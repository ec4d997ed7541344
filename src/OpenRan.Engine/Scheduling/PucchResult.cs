using System;

namespace OpenRan.Engine.Scheduling;

/// <summary>The outcome of one expected PUCCH: detection status (DTX included) and the HARQ-ACK bits.</summary>
public sealed class PucchResult
{
    /// <summary>The RNTI.</summary>
    public int Rnti { get; set; }

    /// <summary>The RNTI type of the PDU (C-RNTI data HARQ-ACK or TC-RNTI Msg4 HARQ-ACK).</summary>
    public RntiType RntiType { get; set; }

    /// <summary>Whether the occasion was detected and its UCI decoded (false: DTX, an invalid decode or late).</summary>
    public bool Valid { get; set; }

    /// <summary>Whether nothing was detected (discontinuous transmission).</summary>
    public bool Dtx { get; set; }

    /// <summary>Whether the decode missed its deadline.</summary>
    public bool Late { get; set; }

    /// <summary>HARQ-ACK bits (1 = ACK), valid when <see cref="Valid"/>.</summary>
    public byte[] HarqAck { get; } = new byte[8];

    /// <summary>Number of HARQ-ACK bits.</summary>
    public int HarqAckBits { get; set; }

    /// <summary>The downlink HARQ processes the bits acknowledge, in bit order.</summary>
    public int[] HarqProcesses { get; } = new int[8];

    /// <summary>Copies the identity of <paramref name="pdu"/> and marks the result DTX until filled.</summary>
    public void From(PucchPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        Rnti = pdu.Rnti;
        RntiType = pdu.RntiType;
        HarqAckBits = pdu.HarqAckBits;
        pdu.HarqProcesses.AsSpan(0, pdu.HarqAckBits).CopyTo(HarqProcesses);
        Valid = false;
        Dtx = true;
        Late = false;
    }
}
