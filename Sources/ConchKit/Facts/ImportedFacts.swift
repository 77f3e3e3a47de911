/// A call of one of the file's functions, by their indices.
public struct CallPlace: Hashable, Sendable {
    public var function: Int
    public var call: Int

    public init(function: Int, call: Int) {
        self.function = function
        self.call = call
    }
}

/// An access of another module's variable through an import, in the function at `function`.
public struct ImportedAccess: Hashable, Sendable {
    public var function: Int
    public var access: GlobalAccess

    public init(function: Int, access: GlobalAccess) {
        self.function = function
        self.access = access
    }
}
