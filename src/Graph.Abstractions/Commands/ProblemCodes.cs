namespace Graph.Abstractions.Commands;

/// <summary>The machine-readable codes of <see cref="InputProblem"/>.</summary>
public static class ProblemCodes
{
    public const string Required = "REQUIRED";
    public const string InvalidValue = "INVALID_VALUE";
    public const string InvalidId = "INVALID_ID";
    public const string InvalidDate = "INVALID_DATE";
    public const string InvalidCameoCode = "INVALID_CAMEO_CODE";
    public const string UnknownActor = "UNKNOWN_ACTOR";
    public const string UnknownStatement = "UNKNOWN_STATEMENT";
    public const string WrongActorType = "WRONG_ACTOR_TYPE";
    public const string NameTaken = "NAME_TAKEN";
    public const string IdTaken = "ID_TAKEN";
    public const string Conflict = "CONFLICT";
    public const string NotFound = "NOT_FOUND";
    public const string AlreadyRetracted = "ALREADY_RETRACTED";
    public const string Cycle = "CYCLE";
}
