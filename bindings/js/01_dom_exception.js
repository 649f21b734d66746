// DOMException (WebIDL § 3.14.1 "DOMException custom bindings"; names table
// § 2.8.1 "Error names").

const DOM_EXCEPTION_CODES = {
  IndexSizeError: 1,
  HierarchyRequestError: 3,
  WrongDocumentError: 4,
  InvalidCharacterError: 5,
  NoModificationAllowedError: 7,
  NotFoundError: 8,
  NotSupportedError: 9,
  InUseAttributeError: 10,
  InvalidStateError: 11,
  SyntaxError: 12,
  InvalidModificationError: 13,
  NamespaceError: 14,
  InvalidAccessError: 15,
  TypeMismatchError: 17,
  SecurityError: 18,
  NetworkError: 19,
  AbortError: 20,
  URLMismatchError: 21,
  QuotaExceededError: 22,
  TimeoutError: 23,
  InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

const DOM_EXCEPTION_CONSTANTS = [
  ["INDEX_SIZE_ERR", 1], ["DOMSTRING_SIZE_ERR", 2], ["HIERARCHY_REQUEST_ERR", 3],
  ["WRONG_DOCUMENT_ERR", 4], ["INVALID_CHARACTER_ERR", 5], ["NO_DATA_ALLOWED_ERR", 6],
  ["NO_MODIFICATION_ALLOWED_ERR", 7], ["NOT_FOUND_ERR", 8], ["NOT_SUPPORTED_ERR", 9],
  ["INUSE_ATTRIBUTE_ERR", 10], ["INVALID_STATE_ERR", 11], ["SYNTAX_ERR", 12],
  ["INVALID_MODIFICATION_ERR", 13], ["NAMESPACE_ERR", 14], ["INVALID_ACCESS_ERR", 15],
  ["VALIDATION_ERR", 16], ["TYPE_MISMATCH_ERR", 17], ["SECURITY_ERR", 18],
  ["NETWORK_ERR", 19], ["ABORT_ERR", 20], ["URL_MISMATCH_ERR", 21],
  ["QUOTA_EXCEEDED_ERR", 22], ["TIMEOUT_ERR", 23], ["INVALID_NODE_TYPE_ERR", 24],
  ["DATA_CLONE_ERR", 25],
];

const domExceptionData = new WeakMap();

function domExceptionSlot(self, what) {
  const data = domExceptionData.get(self);
  if (data === undefined) {
    throw new TypeError(`DOMException.prototype.${what} called on an incompatible receiver`);
  }
  return data;
}

class DOMException {
  constructor(message = "", name = "Error") {
    const data = { message: toDOMString(message), name: toDOMString(name) };
    domExceptionData.set(this, data);
    // Like engines do, give DOMExceptions a stack for debugging.
    const stack = new Error(data.message).stack;
    if (stack !== undefined) {
      ObjectDefineProperty(this, "stack", {
        value: stack, writable: true, enumerable: false, configurable: true,
      });
    }
  }
  get name() {
    return domExceptionSlot(this, "name").name;
  }
  get message() {
    return domExceptionSlot(this, "message").message;
  }
  get code() {
    return DOM_EXCEPTION_CODES[domExceptionSlot(this, "code").name] ?? 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
ObjectDefineProperty(DOMException.prototype, Symbol.toStringTag, {
  value: "DOMException", configurable: true,
});
for (const [name, value] of DOM_EXCEPTION_CONSTANTS) {
  const desc = { value, writable: false, enumerable: true, configurable: false };
  ObjectDefineProperty(DOMException, name, desc);
  ObjectDefineProperty(DOMException.prototype, name, desc);
}
for (const name of ["name", "message", "code"]) {
  const d = Object.getOwnPropertyDescriptor(DOMException.prototype, name);
  d.enumerable = true;
  ObjectDefineProperty(DOMException.prototype, name, d);
}
defineGlobal("DOMException", DOMException);
