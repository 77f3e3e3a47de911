/* CLibClang only declares types; SwiftPM needs one source file per C target. */
