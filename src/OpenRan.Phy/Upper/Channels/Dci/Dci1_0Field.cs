namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>The fields of DCI format 1_0, for its field tables.</summary>
internal enum Dci1_0Field
{
    Identifier,
    FrequencyDomainAssignment,
    TimeDomainAssignment,
    VrbToPrbMapping,
    Mcs,
    NewDataIndicator,
    RedundancyVersion,
    HarqProcess,
    DownlinkAssignmentIndex,
    TpcPucch,
    PucchResourceIndicator,
    PdschToHarqTiming,
    SystemInformationIndicator,
    TbScaling,
    SfnLsbs,
    ShortMessagesIndicator,
    ShortMessages,
    RandomAccessPreambleIndex,
    UlSulIndicator,
    SsbIndex,
    PrachMaskIndex,
}
