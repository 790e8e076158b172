// form-messages: form-js's own validation messages in the page's language.
//
// form-js (1.23) writes its field errors in English only. On a Vietnamese page they are replaced by the texts the
// server gives for the same checks (PublicServicesBpm.Forms/Messages/FormMessages.cs), so the applicant reads the
// same sentence in the browser and in the server's answer. Anything not in the list (e.g. a designer's own
// patternErrorMessage) is shown as it is.

const vietnamese = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc.'],
  [/^Field must match pattern (.*)\.$/s, (m) => `Giá trị không đúng định dạng yêu cầu (${m[1]}).`],
  [/^Field must have minimum value of (.*)\.$/, (m) => `Giá trị phải lớn hơn hoặc bằng ${m[1]}.`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `Giá trị phải nhỏ hơn hoặc bằng ${m[1]}.`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `Giá trị phải có ít nhất ${m[1]} ký tự.`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `Giá trị chỉ được có tối đa ${m[1]} ký tự.`],
  [/^Field must be a valid +international phone number/, () => 'Số điện thoại phải ở dạng quốc tế (ví dụ +84912345678).'],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Value is not a number\.$/, () => 'Giá trị không phải là số.'],
  [/^Value is expected to be an integer\.$/, () => 'Giá trị phải là số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `Giá trị chỉ được có tối đa ${m[1]} chữ số thập phân.`],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/, (m) => `Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là ${m[1]} và ${m[2]}.`],
];

/** The message in the given language (two-letter code); English and unknown messages are returned unchanged. */
export function translateMessage(message, language) {
  if (language !== 'vi' || typeof message !== 'string') {
    return message;
  }
  for (const [pattern, text] of vietnamese) {
    const match = pattern.exec(message);
    if (match) {
      return text(match);
    }
  }
  return message;
}

/** Makes a form-js Form's validator answer in the given language (its 'validator' service, wrapped in place). */
export function localizeValidation(form, language) {
  if (language === 'en') {
    return;
  }
  const validator = form.get('validator');
  for (const name of ['validateFieldInstance', 'validateField']) {
    const original = validator[name]?.bind(validator);
    if (original) {
      validator[name] = (...args) => original(...args).map((message) => translateMessage(message, language));
    }
  }
}
