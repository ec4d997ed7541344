namespace OpenRan.Phy.TestModels;

/// <summary>The FR1 NR test models of TS 38.141-1 §4.9.2.2.</summary>
public enum NrTestModel
{
    /// <summary>NR-FR1-TM1.1: full band QPSK (§4.9.2.2.1).</summary>
    Tm1_1,

    /// <summary>NR-FR1-TM1.2: QPSK, 40 % of the PRBs boosted by 3 dB, the rest de-boosted (§4.9.2.2.2).</summary>
    Tm1_2,

    /// <summary>NR-FR1-TM2: a single 64QAM PRB moving every slot, minimum power (§4.9.2.2.3).</summary>
    Tm2,

    /// <summary>NR-FR1-TM2a: as TM2 with 256QAM (§4.9.2.2.4).</summary>
    Tm2a,

    /// <summary>NR-FR1-TM2b: as TM2 with 1024QAM (§4.9.2.2.4a).</summary>
    Tm2b,

    /// <summary>NR-FR1-TM3.1: full band 64QAM (§4.9.2.2.5).</summary>
    Tm3_1,

    /// <summary>NR-FR1-TM3.1a: full band 256QAM (§4.9.2.2.6).</summary>
    Tm3_1a,

    /// <summary>NR-FR1-TM3.1b: full band 1024QAM (§4.9.2.2.6a).</summary>
    Tm3_1b,

    /// <summary>NR-FR1-TM3.2: 16QAM target PRBs de-boosted by 3 dB (60 %), QPSK balance (§4.9.2.2.7).</summary>
    Tm3_2,

    /// <summary>NR-FR1-TM3.3: QPSK target PRBs de-boosted by 6 dB (50 %), QPSK balance (§4.9.2.2.8).</summary>
    Tm3_3,
}
