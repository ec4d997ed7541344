namespace OpenRan.Simulation.Integrity;

/// <summary>A receiver or decoder whose false-detection rate on noise alone <see cref="FalseDetectionSimulation"/> measures.</summary>
public enum FalseDetectionChannel
{
    /// <summary>PBCH receiver: DM-RS DTX test (1e-3), CA-SCL-8 BCH decoding with CRC24C, MIB parsing.</summary>
    Pbch,

    /// <summary>PDCCH blind search: 16 candidates of a UE-specific search space, 2 DCI sizes, 4 RNTIs; DM-RS DTX test (1e-2) and CRC24C masked by the RNTI.</summary>
    Pdcch,

    /// <summary>Polar-coded UCI decoder (CA-SCL-8): CRC11 for A ≥ 20 bits, CRC6 and three parity-check bits for 12..19.</summary>
    UciPolar,

    /// <summary>Small-block UCI decoder, A = 1..11 bits (repetition/simplex or the (32, A) Reed-Muller code): no CRC.</summary>
    UciSmall,

    /// <summary>PUCCH format 0 receiver (2 HARQ-ACK bits and an SR opportunity).</summary>
    PucchF0,

    /// <summary>PUCCH format 1 receiver (2 HARQ-ACK bits).</summary>
    PucchF1,

    /// <summary>PUCCH format 2 receiver.</summary>
    PucchF2,

    /// <summary>PUCCH format 3 receiver.</summary>
    PucchF3,

    /// <summary>PUCCH format 4 receiver.</summary>
    PucchF4,

    /// <summary>PUSCH receive chain (screening, DM-RS DTX test, equalization, LDPC with parity checks and CRCs).</summary>
    Pusch,

    /// <summary>PDSCH receive chain (as PUSCH).</summary>
    Pdsch,
}
