namespace OpenRan.Phy.TestModels;

/// <summary>The payload of the PDCCH and PDSCH of a generated test model.</summary>
public enum NrTestModelData
{
    /// <summary>
    /// The specification's data (TS 38.141-1 §4.9.2.3): PDCCH and PDSCH without channel coding, their bits from ITU-T O.150
    /// PN23, one generator per channel started from all ones at the start of the model's 10 or 20 ms.
    /// </summary>
    Pn23,

    /// <summary>
    /// The data of the MATLAB 5G Toolbox test-model vectors (hNRReferenceWaveformGenerator with channel coding turned on, as
    /// the reference data set <c>test_models/nr_fr1_tm</c> was generated): DCI of 20 bits from the pattern [1 1 0 0], coded
    /// with the RNTI-masked CRC; DL-SCH transport blocks from the pattern [1 0 0 1] (continuing within each PDSCH sequence),
    /// MCS from TS 38.214 Table 5.1.3.1-2 (QPSK 0, 16QAM 5, 64QAM 11, 256QAM 20; 1024QAM MCS 23 of Table 5.1.3.1-4),
    /// redundancy version 0, limited-buffer reference length 25344 (MATLAB's nrDLSCH).
    /// </summary>
    MatlabPattern,
}
