namespace Graph.Abstractions.Actors;

/// <summary>The two kinds of actor that can make, receive or be the subject of statements.</summary>
public enum ActorType
{
    Organisation,
    Person,
}
