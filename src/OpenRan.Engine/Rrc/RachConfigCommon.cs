namespace OpenRan.Engine.Rrc;

/// <summary>RACH-ConfigCommon: the generic part and the common fields.</summary>
public sealed record RachConfigCommon(
    int PrachConfigurationIndex,
    int Msg1Fdm,
    int Msg1FrequencyStart,
    int ZeroCorrelationZoneConfig,
    int PreambleReceivedTargetPowerDbm,
    int PreambleTransMax,
    int PowerRampingStepDb,
    int RaResponseWindowSlots,
    int? TotalNumberOfRaPreambles,
    string? SsbPerRachOccasionAndCbPreamblesPerSsb,
    int RaContentionResolutionTimerSubframes,
    int? RsrpThresholdSsb,
    int PrachRootSequenceIndex,
    bool LongSequence,
    int? Msg1SubcarrierSpacingKhz,
    int RestrictedSetConfig,
    bool Msg3TransformPrecoder);
