namespace OpenRan.Simulation.Link;

/// <summary>What a PUCCH link sweep counts (TS 38.104 §8.3: definitions of the PUCCH performance requirements).</summary>
public enum PucchTest
{
    /// <summary>ACK missed detection: ACK is sent on every HARQ-ACK bit; an error is an ACK bit not detected as ACK (NACK, DTX or an invalid decode), per bit.</summary>
    AckMissed,

    /// <summary>NACK-to-ACK detection: NACK is sent on every bit; an error is a bit detected as ACK, per bit (bits detected as DTX are not errors).</summary>
    NackToAck,

    /// <summary>False ACK detection (DTX to ACK): nothing is sent, noise only; an error is a bit detected as ACK, per bit.</summary>
    DtxToAck,

    /// <summary>UCI block error: random UCI is sent; an error is an occasion whose UCI is not decoded exactly (DTX and CRC failures included).</summary>
    UciBler,
}
