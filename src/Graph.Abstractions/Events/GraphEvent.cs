using System.Text.Json.Serialization;
using Graph.Abstractions.Directory;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.People;
using Graph.Abstractions.Statements;

namespace Graph.Abstractions.Events;

/// <summary>Something that happened to an organisation, person, statement or directory entry; the log's unit.</summary>
/// <remarks>
/// Events are stored as JSON with their alias as the type discriminator; the aliases are part of the stored format
/// and never change.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(OrganisationRegistered), OrganisationRegistered.TypeName)]
[JsonDerivedType(typeof(OrganisationRenamed), OrganisationRenamed.TypeName)]
[JsonDerivedType(typeof(OrganisationAliasesChanged), OrganisationAliasesChanged.TypeName)]
[JsonDerivedType(typeof(OrganisationReclassified), OrganisationReclassified.TypeName)]
[JsonDerivedType(typeof(OrganisationParentChanged), OrganisationParentChanged.TypeName)]
[JsonDerivedType(typeof(OrganisationExternalIdsChanged), OrganisationExternalIdsChanged.TypeName)]
[JsonDerivedType(typeof(PersonRegistered), PersonRegistered.TypeName)]
[JsonDerivedType(typeof(PersonRenamed), PersonRenamed.TypeName)]
[JsonDerivedType(typeof(PersonAliasesChanged), PersonAliasesChanged.TypeName)]
[JsonDerivedType(typeof(PersonAffiliated), PersonAffiliated.TypeName)]
[JsonDerivedType(typeof(PersonAffiliationRemoved), PersonAffiliationRemoved.TypeName)]
[JsonDerivedType(typeof(StatementRecorded), StatementRecorded.TypeName)]
[JsonDerivedType(typeof(StatementRetracted), StatementRetracted.TypeName)]
[JsonDerivedType(typeof(StatementCorrected), StatementCorrected.TypeName)]
[JsonDerivedType(typeof(DirectoryEntryClaimed), DirectoryEntryClaimed.TypeName)]
[JsonDerivedType(typeof(DirectoryEntryReleased), DirectoryEntryReleased.TypeName)]
[GenerateSerializer, Immutable]
public abstract record GraphEvent;
