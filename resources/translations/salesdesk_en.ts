<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru_RU">
<context>
    <name>Activities</name>
    <message>
        <source>Неизвестный вид дела</source>
        <translation>Unknown activity type</translation>
    </message>
    <message>
        <source>Опишите, что нужно сделать</source>
        <translation>Describe what needs to be done</translation>
    </message>
    <message>
        <source>Неизвестный приоритет</source>
        <translation>Unknown priority</translation>
    </message>
    <message>
        <source>Неизвестное назначение дела</source>
        <translation>Unknown activity purpose</translation>
    </message>
    <message>
        <source>Укажите дату и время</source>
        <translation>Enter the date and time</translation>
    </message>
    <message>
        <source>Неизвестная единица повторения</source>
        <translation>Unknown repeat unit</translation>
    </message>
    <message>
        <source>Интервал повторения — не меньше 1</source>
        <translation>The repeat interval must be at least 1</translation>
    </message>
    <message>
        <source>Выберите: дни, недели или месяцы</source>
        <translation>Choose days, weeks or months</translation>
    </message>
    <message>
        <source>Укажите, через сколько повторять</source>
        <translation>Specify how often to repeat</translation>
    </message>
    <message>
        <source>У повторяющегося дела должна быть дата</source>
        <translation>A recurring activity must have a date</translation>
    </message>
    <message>
        <source>Напоминание не может быть после начала</source>
        <translation>The reminder cannot be after the start</translation>
    </message>
    <message>
        <source>Напоминание уже в прошлом</source>
        <translation>The reminder is already in the past</translation>
    </message>
    <message>
        <source>Эта сделка другого клиента</source>
        <translation>This deal belongs to another client</translation>
    </message>
    <message>
        <source>Контакт не найден</source>
        <translation>Contact not found</translation>
    </message>
    <message>
        <source>Это контакт другого клиента</source>
        <translation>This contact belongs to another client</translation>
    </message>
    <message>
        <source>Рекламация не найдена</source>
        <translation>Complaint not found</translation>
    </message>
    <message>
        <source>Эта рекламация другого клиента</source>
        <translation>This complaint belongs to another client</translation>
    </message>
    <message>
        <source>Выберите клиента (без клиента можно только личную задачу)</source>
        <translation>Select a client (only a personal task can have no client)</translation>
    </message>
    <message>
        <source>Клиент не найден</source>
        <translation>Client not found</translation>
    </message>
    <message>
        <source>Время без часового пояса</source>
        <translation>Time has no time zone</translation>
    </message>
    <message>
        <source>Дело «{subject}» удалено с тех пор</source>
        <translation>“{subject}” has been deleted since</translation>
    </message>
    <message>
        <source>Дело «{subject}» изменено с тех пор — оставлено как есть</source>
        <translation>“{subject}” has been changed since — left as it is</translation>
    </message>
    <message>
        <source>Сделка дела «{subject}» удалена с тех пор — оставлено как есть</source>
        <translation>The deal of “{subject}” has been deleted since — left as it is</translation>
    </message>
    <message>
        <source>Перенесено дел: {n}</source>
        <translation>Activities rescheduled: {n}</translation>
    </message>
    <message>
        <source>Этот результат подходит не ко всем выбранным делам</source>
        <translation>This result does not fit all the selected activities</translation>
    </message>
    <message>
        <source>Отмечено списком</source>
        <translation>Marked in bulk</translation>
    </message>
    <message>
        <source>Выполнено дел: {n}</source>
        <translation>Activities completed: {n}</translation>
    </message>
    <message>
        <source>Сделка не найдена</source>
        <translation>Deal not found</translation>
    </message>
    <message>
        <source>Сделка другого клиента, чем у дела «{subject}»</source>
        <translation>The deal belongs to a different client than the activity “{subject}”</translation>
    </message>
    <message>
        <source>Перенесено в сделку «{title}» дел: {n}</source>
        <translation>Activities moved to the deal “{title}”: {n}</translation>
    </message>
    <message>
        <source>Следующее дело серии «{subject}» изменено с тех пор — оставлено как есть</source>
        <translation>The next activity of the series “{subject}” has been changed since — left as it is</translation>
    </message>
    <message>
        <source>Окончание раньше начала</source>
        <translation>The end is before the start</translation>
    </message>
    <message>
        <source>Дело не найдено</source>
        <translation>Activity not found</translation>
    </message>
    <message>
        <source>Дело уже восстановлено</source>
        <translation>The activity has been restored already</translation>
    </message>
    <message>
        <source>Клиент или сделка дела «{s}» удалены — дело не восстановить</source>
        <translation>The client or the deal of “{s}” has been deleted — the activity cannot be restored</translation>
    </message>
    <message>
        <source>Пустой путь к файлу</source>
        <translation>Empty file path</translation>
    </message>
    <message>
        <source>Материал не найден</source>
        <translation>Material not found</translation>
    </message>
    <message>
        <source>Выберите результат</source>
        <translation>Select a result</translation>
    </message>
    <message>
        <source>Такого результата у этого вида дела нет</source>
        <translation>This activity type has no such result</translation>
    </message>
    <message>
        <source>Дело уже отмечено выполненным</source>
        <translation>The activity is already marked as done</translation>
    </message>
    <message>
        <source>Неизвестная реакция клиента</source>
        <translation>Unknown client reaction</translation>
    </message>
    <message>
        <source>Запланируйте следующий шаг или укажите, почему его нет</source>
        <translation>Schedule the next step or say why there is none</translation>
    </message>
    <message>
        <source>Следующее дело «{subject}» уже выполнено — оставлено как есть</source>
        <translation>The next activity “{subject}” has been completed since — left as it is</translation>
    </message>
    <message>
        <source>Следующее дело «{subject}» изменено с тех пор — оставлено как есть</source>
        <translation>The next activity “{subject}” has been changed since — left as it is</translation>
    </message>
    <message>
        <source>Звонок — {result}</source>
        <translation>Call — {result}</translation>
    </message>
    <message>
        <source>От 1 до {n} дней</source>
        <translation>From 1 to {n} days</translation>
    </message>
    <message>
        <source>Как вам «{title}»?</source>
        <translation>How do you like “{title}”?</translation>
    </message>
    <message>
        <source>Узнать, доволен ли клиент покупкой, всё ли пришло и работает; записать оценку и пожелания.</source>
        <translation>Find out whether the client is happy with the purchase and whether everything arrived and works; record the score and wishes.</translation>
    </message>
    <message>
        <source>Укажите сегмент</source>
        <translation>Enter the segment</translation>
    </message>
    <message>
        <source>Не длиннее {n} знаков</source>
        <translation>At most {n} characters</translation>
    </message>
    <message>
        <source>Сегмент «{name}» уже есть в списке</source>
        <translation>Segment “{name}” is already in the list</translation>
    </message>
</context>
<context>
    <name>Activity</name>
    <message>
        <source>Звонок</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Встреча</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Письмо</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Презентация</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <source>Задача</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Заметка</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Дозвонился</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>Не ответил</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Занято</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Просил перезвонить</source>
        <translation>Asked to call back</translation>
    </message>
    <message>
        <source>Неверный номер</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <source>Отказ</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Состоялась</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Перенесена</source>
        <translation>Rescheduled</translation>
    </message>
    <message>
        <source>Отменено</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Выполнено</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Положительная</source>
        <translation>Positive</translation>
    </message>
    <message>
        <source>Нейтральная</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Отрицательная</source>
        <translation>Negative</translation>
    </message>
    <message>
        <source>Низкий</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Обычный</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Высокий</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Сервисный звонок</source>
        <translation>Service call</translation>
    </message>
    <message>
        <source>Звонок после продажи</source>
        <translation>After-sale call</translation>
    </message>
    <message>
        <source>Поздравление</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <source>дн.</source>
        <translation>days</translation>
    </message>
    <message>
        <source>нед.</source>
        <translation>weeks</translation>
    </message>
    <message>
        <source>мес.</source>
        <translation>months</translation>
    </message>
    <message>
        <source>Следующий шаг: {subject}</source>
        <translation>Next step: {subject}</translation>
    </message>
    <message>
        <source>Следующий шаг: {subject}, {when}</source>
        <translation>Next step: {subject}, {when}</translation>
    </message>
    <message>
        <source>Без следующего шага: {reason}</source>
        <translation>No next step: {reason}</translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>без напоминания</source>
        <translation>no reminder</translation>
    </message>
    <message>
        <source>в момент начала</source>
        <translation>at start time</translation>
    </message>
    <message>
        <source>за 1 день</source>
        <translation>1 day before</translation>
    </message>
    <message>
        <source>за {n} ч</source>
        <translation>{n} h before</translation>
    </message>
    <message>
        <source>за {n} мин</source>
        <translation>{n} min before</translation>
    </message>
    <message>
        <source>Файл</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Папка</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Состояние</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>файл не найден</source>
        <translation>file not found</translation>
    </message>
    <message>
        <source>Новое дело</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Дело</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Например: обсудить условия оплаты</source>
        <translation>For example: discuss payment terms</translation>
    </message>
    <message>
        <source> мин</source>
        <translation> min</translation>
    </message>
    <message>
        <source>не указана</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>каждые</source>
        <translation>every</translation>
    </message>
    <message>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Что сделать *</source>
        <translation>What to do *</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Контактное лицо</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Дата и время *</source>
        <translation>Date and time *</translation>
    </message>
    <message>
        <source>Длительность</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Место</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Приоритет</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Напоминание</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Повторять</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Описание</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Материалы презентации</source>
        <translation>Presentation materials</translation>
    </message>
    <message>
        <source>+ Добавить файлы…</source>
        <translation>+ Add files…</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Убрать</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Удалить дело</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <source>Удалить это дело; Правка → Отменить (Ctrl+Z) вернёт его</source>
        <translation>Delete this activity; Edit → Undo (Ctrl+Z) brings it back</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>— без сделки —</source>
        <translation>— no deal —</translation>
    </message>
    <message>
        <source>Все файлы (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Файл не найден: {path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>Выберите клиента из списка (начните вводить название)</source>
        <translation>Select a client from the list (start typing a name)</translation>
    </message>
    <message>
        <source>удаление дела «{s}»</source>
        <translation>deletion of “{s}”</translation>
    </message>
</context>
<context>
    <name>ActivityList</name>
    <message>
        <source>запланировано</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <source>сделано</source>
        <translation>done</translation>
    </message>
    <message>
        <source>Когда</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Что</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Результат</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Следующий шаг</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>запланирован</source>
        <translation>scheduled</translation>
    </message>
</context>
<context>
    <name>Analytics</name>
    <message>
        <source>Чемпионы</source>
        <translation>Champions</translation>
    </message>
    <message>
        <source>Лояльные</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <source>Потенциально лояльные</source>
        <translation>Potential loyalists</translation>
    </message>
    <message>
        <source>Новые</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Перспективные</source>
        <translation>Promising</translation>
    </message>
    <message>
        <source>Требуют внимания</source>
        <translation>Need attention</translation>
    </message>
    <message>
        <source>Нельзя потерять</source>
        <translation>Can&apos;t lose them</translation>
    </message>
    <message>
        <source>В зоне риска</source>
        <translation>At risk</translation>
    </message>
    <message>
        <source>Потерянные</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Отрасль</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Регион</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Неизвестный разрез: {d}</source>
        <translation>Unknown breakdown: {d}</translation>
    </message>
    <message>
        <source>Доли ABC: A больше 0, A + B не больше 100 %</source>
        <translation>ABC shares: A must be greater than 0, A + B at most 100%</translation>
    </message>
    <message>
        <source>Пороги XYZ: 0 &lt; X &lt; Y (в % коэффициента вариации)</source>
        <translation>XYZ thresholds: 0 &lt; X &lt; Y (as % coefficient of variation)</translation>
    </message>
    <message>
        <source>Для XYZ нужно от 2 до 60 месяцев</source>
        <translation>XYZ requires 2 to 60 months</translation>
    </message>
    <message>
        <source>Коэффициент k должен быть больше 0 и не больше 100</source>
        <translation>Coefficient k must be greater than 0 and at most 100</translation>
    </message>
    <message>
        <source>Для интервала между покупками нужно хотя бы две покупки</source>
        <translation>At least two purchases are needed to calculate the interval between purchases</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>использование: </source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>аргументы</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>параметры</source>
        <translation>options</translation>
    </message>
    <message>
        <source>показать справку и выйти</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>%(prog)s: ошибка: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <source>параметр %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>нужно указать значение</source>
        <translation>expected one argument</translation>
    </message>
    <message>
        <source>недопустимое значение %(value)r (возможны: %(choices)s)</source>
        <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
    </message>
    <message>
        <source>не хватает аргументов: %s</source>
        <translation>the following arguments are required: %s</translation>
    </message>
    <message>
        <source>лишние аргументы: %s</source>
        <translation>unrecognized arguments: %s</translation>
    </message>
    <message>
        <source>недопустимое значение %(value)r</source>
        <translation>invalid value: %(value)r</translation>
    </message>
    <message>
        <source>неоднозначный параметр %(option)s: подходят %(matches)s</source>
        <translation>ambiguous option: %(option)s could match %(matches)s</translation>
    </message>
</context>
<context>
    <name>Assessments</name>
    <message>
        <source>Оценок навыков ещё нет: после встречи или звонка со стажёром — «Добавить оценку»; здесь появится их история.</source>
        <translation>No skill assessments yet: after a meeting or call with the trainee — “Add assessment”; their history will appear here.</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Внутренняя ошибка: {kind}: {error}</source>
        <translation>Internal error: {kind}: {error}</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>автоматическая</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>при выходе</source>
        <translation>at exit</translation>
    </message>
    <message>
        <source>вручную</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>перед обновлением</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <source>перед восстановлением</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>от {low} до {high}</source>
        <translation>from {low} to {high}</translation>
    </message>
    <message>
        <source>папка не найдена</source>
        <translation>folder not found</translation>
    </message>
    <message>
        <source>это и есть папка резервных копий; выберите другой диск</source>
        <translation>this is the backups folder itself; choose another disk</translation>
    </message>
    <message>
        <source>настройки сохраняются в базе данных, а она не открыта</source>
        <translation>the settings are stored in the database, and it is not open</translation>
    </message>
    <message>
        <source>{path}: это не резервная копия этой базы</source>
        <translation>{path}: not a backup of this database</translation>
    </message>
    <message>
        <source>{path}: файл не найден</source>
        <translation>{path}: file not found</translation>
    </message>
    <message>
        <source>{path}: это и есть открытая база</source>
        <translation>{path}: this is the open database itself</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>байт</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>КБ</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>МБ</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>ГБ</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>да</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>нет</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Вид</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Размер</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Клиентов</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Сделок</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Проверена</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Файл</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Резервные копии</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>База: {db}
Папка копий: {folder}</source>
        <translation>Database: {db}
Backups folder: {folder}</translation>
    </message>
    <message>
        <source>Создать сейчас</source>
        <translation>Create now</translation>
    </message>
    <message>
        <source>Восстановить…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Из файла…</source>
        <translation>From a file…</translation>
    </message>
    <message>
        <source>Восстановить из копии, сохранённой в другом месте</source>
        <translation>Restore from a backup saved elsewhere</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Открыть папку</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Автоматические копии</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <source> ч</source>
        <translation> h</translation>
    </message>
    <message>
        <source>например, папка на внешнем диске (необязательно)</source>
        <translation>e.g. a folder on an external drive (optional)</translation>
    </message>
    <message>
        <source>Выбрать…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>При запуске, не чаще чем раз в</source>
        <translation>At start, at most once every</translation>
    </message>
    <message>
        <source>Хранить ежедневных копий</source>
        <translation>Daily backups to keep</translation>
    </message>
    <message>
        <source>Хранить еженедельных копий</source>
        <translation>Weekly backups to keep</translation>
    </message>
    <message>
        <source>Вторая папка</source>
        <translation>Second folder</translation>
    </message>
    <message>
        <source>Копии «перед обновлением» и «перед восстановлением» хранятся 90 дней, сделанные вручную — пока вы их не удалите.</source>
        <translation>Backups made before an upgrade or a restore are kept for 90 days; manual ones until you delete them.</translation>
    </message>
    <message>
        <source>Сохранить настройки</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Настройки сохранены.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Вторая папка для копий</source>
        <translation>Second folder for backups</translation>
    </message>
    <message>
        <source>Удаление копии</source>
        <translation>Delete backup</translation>
    </message>
    <message>
        <source>Удалить копию от {when} ({kind})? Её нельзя будет вернуть.</source>
        <translation>Delete the backup of {when} ({kind})? It cannot be brought back.</translation>
    </message>
    <message>
        <source>Копия создана и проверена: {path}</source>
        <translation>Backup created and verified: {path}</translation>
    </message>
    <message>
        <source>Создаю резервную копию…</source>
        <translation>Creating a backup…</translation>
    </message>
    <message>
        <source>Восстановить базу из копии от {when} (клиентов: {clients}, сделок: {deals})?</source>
        <translation>Restore the database from the backup of {when} (clients: {clients}, deals: {deals})?</translation>
    </message>
    <message>
        <source>Копия базы SalesDesk</source>
        <translation>SalesDesk database backup</translation>
    </message>
    <message>
        <source>База SalesDesk (*.db);;Все файлы (*)</source>
        <translation>SalesDesk database (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Восстановить базу из файла {path}?</source>
        <translation>Restore the database from the file {path}?</translation>
    </message>
    <message>
        <source>Всё, что изменено после этой копии, пропадёт из базы; нынешнее состояние сначала сохраняется как копия «перед восстановлением».</source>
        <translation>Everything changed after this backup will be gone from the database; the current state is first saved as a “before a restore” backup.</translation>
    </message>
    <message>
        <source>Восстановление</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>База восстановлена из {src}.</source>
        <translation>Database restored from {src}.</translation>
    </message>
    <message>
        <source>Восстанавливаю базу…</source>
        <translation>Restoring the database…</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Сделка:</source>
        <translation>Deal:</translation>
    </message>
    <message>
        <source>Выберите дела одного клиента</source>
        <translation>Select activities of a single client</translation>
    </message>
    <message>
        <source>У клиента нет других открытых сделок</source>
        <translation>The client has no other open deals</translation>
    </message>
    <message>
        <source>Перенести в другую сделку</source>
        <translation>Move to another deal</translation>
    </message>
    <message>
        <source>Перенести на дату</source>
        <translation>Reschedule to date</translation>
    </message>
    <message>
        <source>Повторить: {what}</source>
        <translation>Redo: {what}</translation>
    </message>
    <message>
        <source>Перенести</source>
        <translation>Reschedule</translation>
    </message>
    <message>
        <source>Выбрать дату…</source>
        <translation>Choose date…</translation>
    </message>
    <message>
        <source>Отметить выполненными: {n}</source>
        <translation>Mark as done: {n}</translation>
    </message>
    <message>
        <source>Перенести в другую сделку…</source>
        <translation>Move to another deal…</translation>
    </message>
    <message>
        <source>Отменить: {what}</source>
        <translation>Undo: {what}</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Конец периода раньше его начала</source>
        <translation>The end of the period is before its start</translation>
    </message>
    <message>
        <source>SalesDesk: дела</source>
        <translation>SalesDesk: activities</translation>
    </message>
    <message>
        <source>Контакт: {who}</source>
        <translation>Contact: {who}</translation>
    </message>
    <message>
        <source>Сделка: {title}</source>
        <translation>Deal: {title}</translation>
    </message>
    <message>
        <source>Файл календаря повреждён: событие «{name}» не читается</source>
        <translation>The calendar file is damaged: the event “{name}” cannot be read</translation>
    </message>
    <message>
        <source>Событие {n} («{name}») не подходит: {why}</source>
        <translation>Event {n} (“{name}”) is not suitable: {why}</translation>
    </message>
    <message>
        <source>Событие из календаря</source>
        <translation>Calendar event</translation>
    </message>
    <message>
        <source>Файл не найден: {path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>Файл календаря слишком большой: {size} МБ (не больше {limit} МБ)</source>
        <translation>The calendar file is too large: {size} MB (at most {limit} MB)</translation>
    </message>
    <message>
        <source>Это не файл календаря (.ics): нет BEGIN:VCALENDAR</source>
        <translation>This is not a calendar file (.ics): no BEGIN:VCALENDAR</translation>
    </message>
    <message>
        <source>Файл календаря повреждён и не читается</source>
        <translation>The calendar file is damaged and cannot be read</translation>
    </message>
    <message>
        <source>День</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Рабочая неделя</source>
        <translation>Work week</translation>
    </message>
    <message>
        <source>Месяц</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>пн</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>вт</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>ср</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>чт</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>пт</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>сб</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>вс</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Дел: {n}</source>
        <translation>Activities: {n}</translation>
    </message>
    <message>
        <source>Назад (PgUp)</source>
        <translation>Back (PgUp)</translation>
    </message>
    <message>
        <source>Сегодня</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>К сегодняшнему дню (T)</source>
        <translation>Go to today (T)</translation>
    </message>
    <message>
        <source>Вперёд (PgDn)</source>
        <translation>Forward (PgDn)</translation>
    </message>
    <message>
        <source>+ Дело</source>
        <translation>+ Activity</translation>
    </message>
    <message>
        <source>Новое дело (Ctrl+N)</source>
        <translation>New activity (Ctrl+N)</translation>
    </message>
    <message>
        <source>Новое дело</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Завершить…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>Экспорт календаря</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <source>Открытые дела этих дней (включительно) будут выгружены в файл .ics</source>
        <translation>Open activities for these days (inclusive) will be exported to an .ics file</translation>
    </message>
    <message>
        <source>С</source>
        <translation>From</translation>
    </message>
    <message>
        <source>По</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Далее</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Календарь (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <source>Выгружено дел: {n}
{path}</source>
        <translation>Activities exported: {n}
{path}</translation>
    </message>
    <message>
        <source>Выгружаю календарь…</source>
        <translation>Exporting the calendar…</translation>
    </message>
    <message>
        <source>Импортировано: {created}, пропущено: {skipped}</source>
        <translation>Imported: {created}, skipped: {skipped}</translation>
    </message>
    <message>
        <source>Импорт календаря</source>
        <translation>Import calendar</translation>
    </message>
    <message>
        <source>Календарь (*.ics);;Все файлы (*)</source>
        <translation>Calendar (*.ics);;All files (*)</translation>
    </message>
    <message>
        <source>Загружаю календарь…</source>
        <translation>Importing the calendar…</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <source>Записать звонок</source>
        <translation>Log a call</translation>
    </message>
    <message>
        <source>Звонок: {client}</source>
        <translation>Call: {client}</translation>
    </message>
    <message>
        <source>Цифра — результат, Enter — записать</source>
        <translation>Digit to pick the result, Enter to log</translation>
    </message>
    <message>
        <source>Результат *</source>
        <translation>Result *</translation>
    </message>
    <message>
        <source>С кем</source>
        <translation>With whom</translation>
    </message>
    <message>
        <source> мин</source>
        <translation> min</translation>
    </message>
    <message>
        <source>не указана</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Длительность</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>О чём говорили</source>
        <translation>What was discussed</translation>
    </message>
    <message>
        <source>Заметка</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Записать</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Выберите результат (цифры 1–{n})</source>
        <translation>Select a result (digits 1–{n})</translation>
    </message>
</context>
<context>
    <name>Campaigns</name>
    <message>
        <source>Рассылка</source>
        <translation>Mailing</translation>
    </message>
    <message>
        <source>Холодный звонок</source>
        <translation>Cold call</translation>
    </message>
    <message>
        <source>Выставка</source>
        <translation>Trade show</translation>
    </message>
    <message>
        <source>Тендерная площадка</source>
        <translation>Tender platform</translation>
    </message>
    <message>
        <source>Реклама</source>
        <translation>Advertising</translation>
    </message>
    <message>
        <source>Рекомендация</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Сайт</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Укажите название кампании</source>
        <translation>Enter the campaign name</translation>
    </message>
    <message>
        <source>Название длиннее {n} знаков</source>
        <translation>The name is longer than {n} characters</translation>
    </message>
    <message>
        <source>Укажите канал</source>
        <translation>Select a channel</translation>
    </message>
    <message>
        <source>Не длиннее {n} знаков</source>
        <translation>At most {n} characters</translation>
    </message>
    <message>
        <source>Укажите дату начала</source>
        <translation>Enter the start date</translation>
    </message>
    <message>
        <source>Кампания не может закончиться раньше, чем началась</source>
        <translation>A campaign cannot end before it starts</translation>
    </message>
    <message>
        <source>Статья {n}: укажите, на что потрачено</source>
        <translation>Cost item {n}: specify what it was spent on</translation>
    </message>
    <message>
        <source>Статья {n}: не длиннее {limit} знаков</source>
        <translation>Cost item {n}: at most {limit} characters</translation>
    </message>
    <message>
        <source>Статья {n}: укажите сумму</source>
        <translation>Cost item {n}: enter the amount</translation>
    </message>
    <message>
        <source>Статья {n}: сумма не может быть отрицательной</source>
        <translation>Cost item {n}: the amount cannot be negative</translation>
    </message>
    <message>
        <source>Статья {n}: сумма — с точностью до копейки</source>
        <translation>Cost item {n}: the amount must be accurate to the kopek</translation>
    </message>
    <message>
        <source>Кампания не найдена</source>
        <translation>Campaign not found</translation>
    </message>
    <message>
        <source>Кампания «{name}» уже есть</source>
        <translation>Campaign “{name}” already exists</translation>
    </message>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>с {start}</source>
        <translation>since {start}</translation>
    </message>
    <message>
        <source>Лиды</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Сделки</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Выиграно</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Выручка</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Затраты</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>Статьи затрат с датой в периоде (без даты — на дату начала)</source>
        <translation>Cost items dated within the period (undated ones count on the start date)</translation>
    </message>
    <message>
        <source>Цена лида</source>
        <translation>Cost per lead</translation>
    </message>
    <message>
        <source>Цена выигр. сделки</source>
        <translation>Cost per won deal</translation>
    </message>
    <message>
        <source>(выручка − затраты) / затраты</source>
        <translation>(revenue − costs) / costs</translation>
    </message>
    <message>
        <source>Дней до сделки</source>
        <translation>Days to deal</translation>
    </message>
    <message>
        <source>В среднем дней от появления лида до его первой сделки</source>
        <translation>Average number of days from a lead&apos;s appearance to its first deal</translation>
    </message>
    <message>
        <source>Кампания</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Целевой сегмент: {s}</source>
        <translation>Target segment: {s}</translation>
    </message>
    <message>
        <source>Канал</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Период</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Кампании и каналы</source>
        <translation>Campaigns and channels</translation>
    </message>
    <message>
        <source>Период:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Лиды, сделки, выигрыши и затраты считаются за этот период</source>
        <translation>Leads, deals, wins and costs are counted for this period</translation>
    </message>
    <message>
        <source>+ Кампания…</source>
        <translation>+ Campaign…</translation>
    </message>
    <message>
        <source>Изменить…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Экспорт рассылки…</source>
        <translation>Export mailing list…</translation>
    </message>
    <message>
        <source>Контактные лица с e-mail и согласием на рассылку — в CSV для сервиса рассылок или в vCard</source>
        <translation>Contact persons with an e-mail and mailing consent — to CSV for a mailing service or to vCard</translation>
    </message>
    <message>
        <source>Кампаний пока нет. Заведите выставку, рассылку или рекламу кнопкой «+ Кампания…» — и выбирайте её в карточке клиента и в сделке, чтобы видеть, что она принесла.</source>
        <translation>No campaigns yet. Create a trade show, mailing or ad with the “+ Campaign…” button — and select it in the client card and in the deal to see what it brought in.</translation>
    </message>
    <message>
        <source>По каналам</source>
        <translation>By channel</translation>
    </message>
    <message>
        <source>За период кампании ничего не принесли и ничего не стоили</source>
        <translation>The campaigns brought nothing and cost nothing in the period</translation>
    </message>
    <message>
        <source>Лиды — новые клиенты кампании за период; сделки — открытые за период; выиграно и выручка — по дате закрытия.</source>
        <translation>Leads are the campaign&apos;s new clients in the period; deals are those opened in the period; won and revenue are by closing date.</translation>
    </message>
    <message>
        <source>Удалить кампанию «{name}» с её затратами?</source>
        <translation>Delete campaign “{name}” with its costs?</translation>
    </message>
    <message>
        <source>Клиенты ({c}) и сделки ({d}) останутся, но без кампании.</source>
        <translation>The clients ({c}) and deals ({d}) will remain, but without a campaign.</translation>
    </message>
    <message>
        <source>Удаление кампании</source>
        <translation>Delete campaign</translation>
    </message>
    <message>
        <source>Статья затрат</source>
        <translation>Cost item</translation>
    </message>
    <message>
        <source>Сумма, ₽</source>
        <translation>Amount, ₽</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>на дату начала</source>
        <translation>on the start date</translation>
    </message>
    <message>
        <source>Новая кампания</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>Выставка «Склад-2026»</source>
        <translation>“Sklad-2026” trade show</translation>
    </message>
    <message>
        <source>выставка, рассылка, звонки, тендерная площадка, реклама…</source>
        <translation>trade show, mailing, calls, tender platform, advertising…</translation>
    </message>
    <message>
        <source>идёт</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <source>Название *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Канал *</source>
        <translation>Channel *</translation>
    </message>
    <message>
        <source>Период *</source>
        <translation>Period *</translation>
    </message>
    <message>
        <source>Целевой сегмент</source>
        <translation>Target segment</translation>
    </message>
    <message>
        <source>Заметки</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Статей затрат пока нет: стенд, печать, командировка, сервис рассылки — «+ Статья»</source>
        <translation>No cost items yet: booth, printing, business trip, mailing service — “+ Cost item”</translation>
    </message>
    <message>
        <source>+ Статья</source>
        <translation>+ Cost item</translation>
    </message>
    <message>
        <source>Удалить статью</source>
        <translation>Delete cost item</translation>
    </message>
    <message>
        <source>Двойной щелчок по ячейке — изменить. Дата статьи — дд.мм.гггг; без даты затрата относится к дате начала кампании.</source>
        <translation>Double-click a cell to edit it. Cost item date — dd.mm.yyyy; without a date, the cost counts on the campaign&apos;s start date.</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Кампания: {name}</source>
        <translation>Campaign: {name}</translation>
    </message>
    <message>
        <source>Итого: {sum} ({lines})</source>
        <translation>Total: {sum} ({lines})</translation>
    </message>
    <message>
        <source>%n статья|%n статьи|%n статей</source>
        <translation>%n item|%n items</translation>
    </message>
</context>
<context>
    <name>CampaignsReport</name>
    <message>
        <source>с {start}</source>
        <translation>since {start}</translation>
    </message>
    <message>
        <source>Кампании и каналы</source>
        <translation>Campaigns and channels</translation>
    </message>
    <message>
        <source>За период не было кампаний и ничего не пришло от них</source>
        <translation>There were no campaigns and nothing came from them in the period</translation>
    </message>
    <message>
        <source>Затраты</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>Выручка</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Лидов · сделок · выиграно</source>
        <translation>Leads · deals · won</translation>
    </message>
    <message>
        <source>Лиды — новые клиенты кампании за период; сделки — открытые за период; выиграно и выручка — по дате закрытия; затраты — статьи с датой в периоде (без даты — на дату начала кампании).</source>
        <translation>Leads are the campaign&apos;s new clients in the period; deals are those opened in the period; won and revenue are by closing date; costs are items dated within the period (undated ones count on the campaign&apos;s start date).</translation>
    </message>
    <message>
        <source>Воронка каждой кампании</source>
        <translation>Funnel of each campaign</translation>
    </message>
    <message>
        <source>Кампания · канал · период</source>
        <translation>Campaign · channel · period</translation>
    </message>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Стоимость результата</source>
        <translation>Cost of results</translation>
    </message>
    <message>
        <source>Кампания</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Лиды</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Сделки</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Выиграно</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Цена лида</source>
        <translation>Cost per lead</translation>
    </message>
    <message>
        <source>Цена выигранной сделки</source>
        <translation>Cost per won deal</translation>
    </message>
    <message>
        <source>Дней от лида до первой сделки</source>
        <translation>Days from lead to first deal</translation>
    </message>
    <message>
        <source>Канал</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>По каналам</source>
        <translation>By channel</translation>
    </message>
    <message>
        <source>Стоимость результата по каналам</source>
        <translation>Cost of results by channel</translation>
    </message>
    <message>
        <source>Затраты и выручка</source>
        <translation>Costs and revenue</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Укажите артикул</source>
        <translation>Enter the SKU</translation>
    </message>
    <message>
        <source>Укажите наименование</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <source>Укажите единицу измерения</source>
        <translation>Enter the unit of measure</translation>
    </message>
    <message>
        <source>Цена не может быть отрицательной</source>
        <translation>Price cannot be negative</translation>
    </message>
    <message>
        <source>Минимальная цена не может быть отрицательной</source>
        <translation>Minimum price cannot be negative</translation>
    </message>
    <message>
        <source>Минимальная цена выше цены по прайсу</source>
        <translation>Minimum price is higher than the list price</translation>
    </message>
    <message>
        <source>Скидка должна быть от 0 до 100 %</source>
        <translation>Discount must be between 0 and 100%</translation>
    </message>
    <message>
        <source>Неизвестная ставка НДС</source>
        <translation>Unknown VAT rate</translation>
    </message>
    <message>
        <source>Не длиннее {n} знаков</source>
        <translation>At most {n} characters</translation>
    </message>
    <message>
        <source>Остаток не может быть отрицательным</source>
        <translation>Stock cannot be negative</translation>
    </message>
    <message>
        <source>Неснижаемый остаток не может быть отрицательным</source>
        <translation>Minimum stock level cannot be negative</translation>
    </message>
    <message>
        <source>Цена — с точностью до копейки</source>
        <translation>Price can have at most two decimal places</translation>
    </message>
    <message>
        <source>Минимальная цена — с точностью до копейки</source>
        <translation>Minimum price can have at most two decimal places</translation>
    </message>
    <message>
        <source>Скидка — не больше двух знаков после запятой</source>
        <translation>Discount can have at most two decimal places</translation>
    </message>
    <message>
        <source>Остаток — не больше трёх знаков после запятой</source>
        <translation>Stock can have at most three decimal places</translation>
    </message>
    <message>
        <source>Неснижаемый остаток — не больше трёх знаков после запятой</source>
        <translation>Minimum stock level can have at most three decimal places</translation>
    </message>
    <message>
        <source>Товар не найден</source>
        <translation>Product not found</translation>
    </message>
    <message>
        <source>Артикул {sku} уже есть в каталоге</source>
        <translation>SKU {sku} is already in the catalog</translation>
    </message>
    <message>
        <source>Остаток изменён в карточке товара</source>
        <translation>Stock changed in the product card</translation>
    </message>
    <message>
        <source>Артикул</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Цена</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Мин. цена</source>
        <translation>Min. price</translation>
    </message>
    <message>
        <source>НДС</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Остаток</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Товар из каталога</source>
        <translation>Catalog item</translation>
    </message>
    <message>
        <source>Артикул, название или группа</source>
        <translation>SKU, name or group</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Добавить в сделку</source>
        <translation>Add to deal</translation>
    </message>
    <message>
        <source>Корректировка остатка</source>
        <translation>Stock correction</translation>
    </message>
    <message>
        <source>«{name}»: на складе {n} {unit}</source>
        <translation>“{name}”: {n} {unit} in stock</translation>
    </message>
    <message>
        <source>+10 пришло, −2 списано</source>
        <translation>+10 received, −2 written off</translation>
    </message>
    <message>
        <source>Инвентаризация, брак, приход…</source>
        <translation>Stocktaking, damage, goods received…</translation>
    </message>
    <message>
        <source>Изменение, {unit}</source>
        <translation>Change, {unit}</translation>
    </message>
    <message>
        <source>Причина *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Записать</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Введите число, например −2 или 10</source>
        <translation>Enter a number, e.g. −2 or 10</translation>
    </message>
    <message>
        <source>Каталог товаров и услуг</source>
        <translation>Product and service catalog</translation>
    </message>
    <message>
        <source>Поиск по каталогу</source>
        <translation>Search the catalog</translation>
    </message>
    <message>
        <source>Архивные</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Мало на складе</source>
        <translation>Low stock</translation>
    </message>
    <message>
        <source>Остаток не выше неснижаемого (или ниже нуля)</source>
        <translation>Stock at or below the minimum (or below zero)</translation>
    </message>
    <message>
        <source>Карточка товара</source>
        <translation>Product card</translation>
    </message>
    <message>
        <source>не задана</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Корректировка…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Печатается в КП под строкой</source>
        <translation>Printed in the offer under the line</translation>
    </message>
    <message>
        <source>например, 5 рабочих дней</source>
        <translation>e.g. 5 working days</translation>
    </message>
    <message>
        <source>например, 12 месяцев</source>
        <translation>e.g. 12 months</translation>
    </message>
    <message>
        <source>Фото…</source>
        <translation>Photo…</translation>
    </message>
    <message>
        <source>Убрать</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>В архиве (не предлагать в сделках)</source>
        <translation>Archived (do not offer in deals)</translation>
    </message>
    <message>
        <source>Артикул *</source>
        <translation>SKU *</translation>
    </message>
    <message>
        <source>Наименование *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Единица *</source>
        <translation>Unit *</translation>
    </message>
    <message>
        <source>Цена, ₽ *</source>
        <translation>Price, ₽ *</translation>
    </message>
    <message>
        <source>Минимальная цена, ₽</source>
        <translation>Minimum price, ₽</translation>
    </message>
    <message>
        <source>Макс. скидка, %</source>
        <translation>Max. discount, %</translation>
    </message>
    <message>
        <source>Неснижаемый остаток</source>
        <translation>Minimum stock level</translation>
    </message>
    <message>
        <source>Описание</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Срок поставки</source>
        <translation>Lead time</translation>
    </message>
    <message>
        <source>Гарантия</source>
        <translation>Warranty</translation>
    </message>
    <message>
        <source>Фото</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Зона уступок: скидка, опускающая цену ниже минимальной (или больше максимальной скидки), в сделке требует причины.</source>
        <translation>Concession zone: a discount that brings the price below the minimum (or exceeds the maximum discount) requires a reason in the deal.</translation>
    </message>
    <message>
        <source>Новый товар</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Введите число</source>
        <translation>Enter a number</translation>
    </message>
    <message>
        <source>нет</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Сначала сохраните товар</source>
        <translation>Save the product first</translation>
    </message>
    <message>
        <source>Фото товара</source>
        <translation>Product photo</translation>
    </message>
    <message>
        <source>Изображения (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Убрать фото товара из каталога? В уже выпущенных КП оно останется.</source>
        <translation>Remove the product&apos;s photo from the catalog? Offers already issued keep it.</translation>
    </message>
    <message>
        <source>Удалить товар</source>
        <translation>Delete product</translation>
    </message>
    <message>
        <source>Удалить товар из каталога? Если он есть в сделках, он будет перенесён в архив.</source>
        <translation>Delete the product from the catalog? If it is used in deals, it will be moved to the archive.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>{v} млрд</source>
        <translation>{v}B</translation>
    </message>
    <message>
        <source>{v} млн</source>
        <translation>{v}M</translation>
    </message>
    <message>
        <source>{v} тыс.</source>
        <translation>{v}K</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Сохранить график как PNG</source>
        <translation>Save chart as PNG</translation>
    </message>
    <message>
        <source>Не удалось записать файл {p}</source>
        <translation>Could not write file {p}</translation>
    </message>
    <message>
        <source>Сохранить график</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <source>Изображения PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Накопительно: план и факт</source>
        <translation>Cumulative: plan vs. actual</translation>
    </message>
    <message>
        <source>План</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Факт</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Прогноз</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>сегодня</source>
        <translation>today</translation>
    </message>
    <message>
        <source>План: {v}</source>
        <translation>Plan: {v}</translation>
    </message>
    <message>
        <source>Факт: {v}</source>
        <translation>Actual: {v}</translation>
    </message>
    <message>
        <source>Прогноз: {v}</source>
        <translation>Forecast: {v}</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>ФАЙЛ</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>файл базы данных (по умолчанию — в папке данных пользователя)</source>
        <translation>database file (default: in the user data folder)</translation>
    </message>
    <message>
        <source>SalesDesk — рабочий день менеджера по продажам. Без команды открывает окно программы.</source>
        <translation>SalesDesk — a sales manager&apos;s workday. Without a command, opens the program window.</translation>
    </message>
    <message>
        <source>показать версию программы и выйти</source>
        <translation>show the program version and exit</translation>
    </message>
    <message>
        <source>язык интерфейса (ru по умолчанию)</source>
        <translation>interface language (ru by default)</translation>
    </message>
    <message>
        <source>при первом запуске заполнить пустую базу демонстрационными данными</source>
        <translation>on first run, fill an empty database with demo data</translation>
    </message>
    <message>
        <source>КОМАНДА</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>salesdesk: внутренняя ошибка ({kind}: {exc}); запустите с SALESDESK_DEBUG=1 для подробностей</source>
        <translation>salesdesk: internal error ({kind}: {exc}); run with SALESDESK_DEBUG=1 for details</translation>
    </message>
    <message>
        <source>список клиентов (с поиском)</source>
        <translation>list clients (with search)</translation>
    </message>
    <message>
        <source>искать по названию, ИНН, телефону, e-mail, контактам и примечаниям</source>
        <translation>search by name, INN, phone, email, contacts and notes</translation>
    </message>
    <message>
        <source>показать архив вместо рабочего списка</source>
        <translation>show the archive instead of the working list</translation>
    </message>
    <message>
        <source>не больше N строк (0 — все)</source>
        <translation>at most N rows (0 = all)</translation>
    </message>
    <message>
        <source>№</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Название</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Регион</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Клиентов: {n}</source>
        <translation>Clients: {n}</translation>
    </message>
    <message>
        <source>Выгружено клиентов: {n} → {path}</source>
        <translation>Clients exported: {n} → {path}</translation>
    </message>
    <message>
        <source>{path}: файл не найден</source>
        <translation>{path}: file not found</translation>
    </message>
    <message>
        <source>Загружено: {i}, обновлено: {u}, пропущено: {s}, отклонено: {r}</source>
        <translation>Imported: {i}, updated: {u}, skipped: {s}, rejected: {r}</translation>
    </message>
    <message>
        <source>  строка {line}: {msg}</source>
        <translation>  line {line}: {msg}</translation>
    </message>
    <message>
        <source>  … и ещё %n пропущенная строка|  … и ещё %n пропущенные строки|  … и ещё %n пропущенных строк</source>
        <translation>  … and %n more skipped row|  … and %n more skipped rows</translation>
    </message>
    <message>
        <source>  … и ещё %n строка с ошибками|  … и ещё %n строки с ошибками|  … и ещё %n строк с ошибками</source>
        <translation>  … and %n more row with errors|  … and %n more rows with errors</translation>
    </message>
    <message>
        <source>Ничего не загружено: в файле есть ошибки. Исправьте их или запустите с --skip-invalid, чтобы загрузить верные строки.</source>
        <translation>Nothing was imported: the file contains errors. Fix them or run with --skip-invalid to import the valid rows.</translation>
    </message>
    <message>
        <source>заполнить базу демонстрационными данными</source>
        <translation>fill the database with demo data</translation>
    </message>
    <message>
        <source>готовый размер для замеров: small — 3 000 клиентов и 10 000 сделок, large — 100 000 и 300 000 за 5 лет</source>
        <translation>a size preset for benchmarks: small — 3,000 clients and 10,000 deals, large — 100,000 and 300,000 over 5 years</translation>
    </message>
    <message>
        <source>сколько клиентов (300)</source>
        <translation>number of clients (300)</translation>
    </message>
    <message>
        <source>сколько сделок (600)</source>
        <translation>number of deals (600)</translation>
    </message>
    <message>
        <source>зерно случайных чисел: одно зерно — одни данные</source>
        <translation>random seed: the same seed gives the same data</translation>
    </message>
    <message>
        <source>проверить целостность базы данных</source>
        <translation>check database integrity</translation>
    </message>
    <message>
        <source>сделать резервную копию базы</source>
        <translation>back up the database</translation>
    </message>
    <message>
        <source>файл или папка (по умолчанию — папка резервных копий)</source>
        <translation>file or folder (default: the backups folder)</translation>
    </message>
    <message>
        <source>восстановить базу из резервной копии</source>
        <translation>restore the database from a backup</translation>
    </message>
    <message>
        <source>снимки окна и каждой вкладки в PNG</source>
        <translation>screenshots of the window and each tab as PNG</translation>
    </message>
    <message>
        <source>оформление: светлое или тёмное</source>
        <translation>appearance: light or dark</translation>
    </message>
    <message>
        <source>нужно целое число, получено {t!r}</source>
        <translation>an integer is required, got {t!r}</translation>
    </message>
    <message>
        <source>число не может быть отрицательным</source>
        <translation>the number cannot be negative</translation>
    </message>
    <message>
        <source>Готово: {summary}</source>
        <translation>Done: {summary}</translation>
    </message>
    <message>
        <source>{path}: база данных не найдена</source>
        <translation>{path}: database not found</translation>
    </message>
    <message>
        <source>{path}: всё в порядке (схема {rev})</source>
        <translation>{path}: everything is OK (schema {rev})</translation>
    </message>
    <message>
        <source>{path}: найдены проблемы:</source>
        <translation>{path}: problems found:</translation>
    </message>
    <message>
        <source>Резервная копия: {path}</source>
        <translation>Backup: {path}</translation>
    </message>
    <message>
        <source>База восстановлена из {src}</source>
        <translation>Database restored from {src}</translation>
    </message>
    <message>
        <source>Прежняя база сохранена в {path}</source>
        <translation>Previous database saved to {path}</translation>
    </message>
    <message>
        <source>Прежний файл (повреждённый или чужой) переименован в {path}</source>
        <translation>The previous file (damaged or foreign) was renamed to {path}</translation>
    </message>
    <message>
        <source>воронка: сделки по этапам, суммы, взвешенные суммы, застрявшие</source>
        <translation>pipeline: deals by stage, amounts, weighted amounts, stalled deals</translation>
    </message>
    <message>
        <source>показать застрявшие сделки</source>
        <translation>show stalled deals</translation>
    </message>
    <message>
        <source>перенести сделку в другой этап</source>
        <translation>move a deal to another stage</translation>
    </message>
    <message>
        <source>ЭТАП</source>
        <translation>STAGE</translation>
    </message>
    <message>
        <source>название этапа или его номер по порядку</source>
        <translation>stage name or its sequence number</translation>
    </message>
    <message>
        <source>причина проигрыша (price, competitor, …)</source>
        <translation>loss reason (price, competitor, …)</translation>
    </message>
    <message>
        <source>итоговая сумма выигранной сделки</source>
        <translation>final amount of the won deal</translation>
    </message>
    <message>
        <source>дата закрытия ГГГГ-ММ-ДД (по умолчанию сегодня)</source>
        <translation>close date YYYY-MM-DD (default: today)</translation>
    </message>
    <message>
        <source>застряли: {n}</source>
        <translation>stalled: {n}</translation>
    </message>
    <message>
        <source>{d} дн. (норма {n})</source>
        <translation>{d} days (limit {n})</translation>
    </message>
    <message>
        <source>Прогноз {month}: {sum} (выиграно {won}, взвешенно {w})</source>
        <translation>Forecast {month}: {sum} (won {won}, weighted {w})</translation>
    </message>
    <message>
        <source>Нет этапа «{name}». Этапы: {all}</source>
        <translation>No stage “{name}”. Stages: {all}</translation>
    </message>
    <message>
        <source>Сумма — это число: {t}</source>
        <translation>The amount must be a number: {t}</translation>
    </message>
    <message>
        <source>Дата в виде ГГГГ-ММ-ДД: {t}</source>
        <translation>Date as YYYY-MM-DD: {t}</translation>
    </message>
    <message>
        <source>Сделка {id} → {stage}</source>
        <translation>Deal {id} → {stage}</translation>
    </message>
    <message>
        <source>коммерческое предложение по сделке (PDF)</source>
        <translation>commercial offer for a deal (PDF)</translation>
    </message>
    <message>
        <source>шаблон: classic (Классический) или modern (Современный); по умолчанию — последний выбранный</source>
        <translation>template: classic (Classic) or modern (Modern); default: the last one selected</translation>
    </message>
    <message>
        <source>протокол переговоров по сделке (PDF)</source>
        <translation>negotiation protocol of a deal (PDF)</translation>
    </message>
    <message>
        <source>дата встречи ГГГГ-ММ-ДД (по умолчанию сегодня)</source>
        <translation>meeting date YYYY-MM-DD (default: today)</translation>
    </message>
    <message>
        <source>место встречи</source>
        <translation>meeting place</translation>
    </message>
    <message>
        <source>участник со стороны клиента (номер контакта; можно несколько раз); по умолчанию — контакт сделки</source>
        <translation>a participant from the client (contact id; may be repeated); default: the deal&apos;s contact</translation>
    </message>
    <message>
        <source>«ФИО, должность»</source>
        <translation>&quot;Name, position&quot;</translation>
    </message>
    <message>
        <source>участник с нашей стороны (можно несколько раз); по умолчанию — менеджер из реквизитов компании</source>
        <translation>a participant from our side (may be repeated); default: the manager from the company details</translation>
    </message>
    <message>
        <source>спецификация к договору по заказу или принятому КП (PDF)</source>
        <translation>contract specification of an order or an accepted offer (PDF)</translation>
    </message>
    <message>
        <source>номер заказа (например З-2026-00001) или его id</source>
        <translation>order number (e.g. З-2026-00001) or its id</translation>
    </message>
    <message>
        <source>номер КП (например КП-2026-0001) или его id</source>
        <translation>offer number (e.g. КП-2026-0001) or its id</translation>
    </message>
    <message>
        <source>дата спецификации ГГГГ-ММ-ДД (по умолчанию сегодня)</source>
        <translation>specification date YYYY-MM-DD (default: today)</translation>
    </message>
    <message>
        <source>счёт на оплату по выигранной сделке или заказу (PDF)</source>
        <translation>invoice for a won deal or an order (PDF)</translation>
    </message>
    <message>
        <source>номер сделки, или номер заказа (например З-2026-0001)</source>
        <translation>deal number or order number (e.g. З-2026-0001)</translation>
    </message>
    <message>
        <source>считать число номером (id) заказа, а не сделки</source>
        <translation>treat the number as an order ID rather than a deal ID</translation>
    </message>
    <message>
        <source>отчёт к совещанию (PDF)</source>
        <translation>meeting report (PDF)</translation>
    </message>
    <message>
        <source>для отчёта trainee — номер стажёра</source>
        <translation>for the trainee report: the trainee&apos;s number</translation>
    </message>
    <message>
        <source>{path}: папка не существует</source>
        <translation>{path}: folder does not exist</translation>
    </message>
    <message>
        <source>Выпущено {number}</source>
        <translation>Issued {number}</translation>
    </message>
    <message>
        <source>Счёт № {number}</source>
        <translation>Invoice No. {number}</translation>
    </message>
    <message>
        <source>Выпущен протокол {number}</source>
        <translation>Issued protocol {number}</translation>
    </message>
    <message>
        <source>Выпущена спецификация {number}</source>
        <translation>Issued specification {number}</translation>
    </message>
    <message>
        <source>заказ {t!r} не найден</source>
        <translation>order {t!r} not found</translation>
    </message>
    <message>
        <source>КП {t!r} не найдено</source>
        <translation>offer {t!r} not found</translation>
    </message>
    <message>
        <source>ожидался номер сделки или заказа, получено {t!r}</source>
        <translation>expected a deal or order number, got {t!r}</translation>
    </message>
    <message>
        <source>укажите номер стажёра: report trainee ID</source>
        <translation>specify the trainee number: report trainee ID</translation>
    </message>
    <message>
        <source>лишний аргумент: {t}</source>
        <translation>unexpected argument: {t}</translation>
    </message>
    <message>
        <source>%n таблица|%n таблицы|%n таблиц</source>
        <translation>%n table|%n tables</translation>
    </message>
    <message>
        <source>Выгружено записей: {n} ({tables}) → {path}</source>
        <translation>Records exported: {n} ({tables}) → {path}</translation>
    </message>
    <message>
        <source>Загружено записей: {n}</source>
        <translation>Records imported: {n}</translation>
    </message>
    <message>
        <source>{option}: дата в виде ГГГГ-ММ-ДД: {t}</source>
        <translation>{option}: date as YYYY-MM-DD: {t}</translation>
    </message>
    <message>
        <source>Выгружено дел в календарь: {n} → {path}</source>
        <translation>Activities exported to the calendar: {n} → {path}</translation>
    </message>
    <message>
        <source>Загружено событий: {created}, пропущено: {skipped}, привязано к клиентам: {matched}</source>
        <translation>Events imported: {created}, skipped: {skipped}, linked to clients: {matched}</translation>
    </message>
    <message>
        <source>файл рассылки — .csv или .vcf: {path}</source>
        <translation>mailing file — .csv or .vcf: {path}</translation>
    </message>
    <message>
        <source>Выгружено контактов: {n} → {path}</source>
        <translation>Contacts exported: {n} → {path}</translation>
    </message>
    <message>
        <source>Не вошли: без согласия на рассылку — {consent}, без e-mail — {email}, повтор адреса — {dup}</source>
        <translation>Not included: no mailing consent — {consent}, no e-mail — {email}, duplicate address — {dup}</translation>
    </message>
    <message>
        <source>выгрузить данные в файл</source>
        <translation>export data to a file</translation>
    </message>
    <message>
        <source>только найденные записи</source>
        <translation>only the matching records</translation>
    </message>
    <message>
        <source>календарь: дела с этого дня ГГГГ-ММ-ДД (по умолчанию с сегодняшнего)</source>
        <translation>calendar: activities from this day, YYYY-MM-DD (default: today)</translation>
    </message>
    <message>
        <source>календарь: дела по этот день включительно</source>
        <translation>calendar: activities up to and including this day</translation>
    </message>
    <message>
        <source>СЕГМЕНТ</source>
        <translation>SEGMENT</translation>
    </message>
    <message>
        <source>рассылка: контакты клиентов этого сегмента (по умолчанию всех)</source>
        <translation>mailing: contacts of clients in this segment (all by default)</translation>
    </message>
    <message>
        <source>загрузить данные из файла</source>
        <translation>import data from a file</translation>
    </message>
    <message>
        <source>загрузить верные строки, об остальных сообщить</source>
        <translation>import the valid rows and report the rest</translation>
    </message>
    <message>
        <source>обновлять клиентов с тем же ИНН вместо пропуска</source>
        <translation>update clients with the same INN instead of skipping them</translation>
    </message>
    <message>
        <source>строки, похожие на клиентов базы или на строку выше в том же файле (то же название, телефон или e-mail, но не ИНН): skip — пропустить и перечислить, update — обновить найденного, import — загрузить как новых</source>
        <translation>rows like clients of the base or like an earlier row of the same file (the same name, phone or e-mail, but not the ИНН): skip — skip and list them, update — update the client found, import — import them as new</translation>
    </message>
    <message>
        <source>список дел на день: просроченные, сегодняшние по времени, дни рождения, кому пора позвонить</source>
        <translation>the day&apos;s worklist: overdue, today&apos;s by time, birthdays, who is due a call</translation>
    </message>
    <message>
        <source>ДАТА</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>день ГГГГ-ММ-ДД (по умолчанию сегодня)</source>
        <translation>day YYYY-MM-DD (default: today)</translation>
    </message>
    <message>
        <source>строк в разделе (по умолчанию 20)</source>
        <translation>rows per section (default: 20)</translation>
    </message>
    <message>
        <source>дата в виде ГГГГ-ММ-ДД: {t}</source>
        <translation>date as YYYY-MM-DD: {t}</translation>
    </message>
    <message>
        <source>--limit: нужно число больше нуля</source>
        <translation>--limit: a number greater than zero is required</translation>
    </message>
    <message>
        <source>Дела на {day}</source>
        <translation>Activities for {day}</translation>
    </message>
    <message>
        <source>нет</source>
        <translation>none</translation>
    </message>
    <message>
        <source>… и ещё {n}</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>дебиторская задолженность по клиентам и срокам просрочки</source>
        <translation>accounts receivable by client and days overdue</translation>
    </message>
    <message>
        <source>на день ГГГГ-ММ-ДД (по умолчанию сегодня)</source>
        <translation>as of day YYYY-MM-DD (default: today)</translation>
    </message>
    <message>
        <source>акт сверки взаиморасчётов с клиентом за период (PDF)</source>
        <translation>reconciliation statement with a client for a period (PDF)</translation>
    </message>
    <message>
        <source>номер клиента</source>
        <translation>client number</translation>
    </message>
    <message>
        <source>начало периода ГГГГ-ММ-ДД</source>
        <translation>period start YYYY-MM-DD</translation>
    </message>
    <message>
        <source>конец периода ГГГГ-ММ-ДД (включительно)</source>
        <translation>period end YYYY-MM-DD (inclusive)</translation>
    </message>
    <message>
        <source>Дебиторская задолженность на {d}</source>
        <translation>Accounts receivable as of {d}</translation>
    </message>
    <message>
        <source>Долгов и авансов нет</source>
        <translation>No balances due or credits</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Аванс</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>ожидался номер клиента, получено {t!r}</source>
        <translation>expected a client number, got {t!r}</translation>
    </message>
    <message>
        <source>{path}: это папка, а не файл</source>
        <translation>{path}: this is a folder, not a file</translation>
    </message>
    <message>
        <source>{path}: нет прав на запись</source>
        <translation>{path}: no write permission</translation>
    </message>
    <message>
        <source>Акт сверки: {name}, {a} — {b}, сальдо конечное {s}</source>
        <translation>Reconciliation statement: {name}, {a} — {b}, closing balance {s}</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <source>Имя</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>День рождения</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Основной</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Тип</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Событие</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Подробности</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Рассылка</source>
        <translation>Mailing</translation>
    </message>
    <message>
        <source>Дал согласие на рассылку</source>
        <translation>Gave mailing consent</translation>
    </message>
    <message>
        <source>Согласия на рассылку нет</source>
        <translation>No mailing consent</translation>
    </message>
    <message>
        <source>Этап</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>КП</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Заказ</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Отгрузка</source>
        <translation>Shipment</translation>
    </message>
    <message>
        <source>Рекламация</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Оценка</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Все дела</source>
        <translation>All activities</translation>
    </message>
    <message>
        <source>Сделки и этапы</source>
        <translation>Deals and stages</translation>
    </message>
    <message>
        <source>Заказы</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Оплаты</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Рекламации</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Оценки</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Контактное лицо</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>ФИО *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <source>Мессенджер</source>
        <translation>Messenger</translation>
    </message>
    <message>
        <source>Второй телефон</source>
        <translation>Second phone</translation>
    </message>
    <message>
        <source>не указан</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Основное контактное лицо</source>
        <translation>Primary contact person</translation>
    </message>
    <message>
        <source>Согласие на рассылку</source>
        <translation>Mailing consent</translation>
    </message>
    <message>
        <source>Контакт согласился получать рассылки: только такие контакты попадают в выгрузку рассылки</source>
        <translation>The contact agreed to receive mailings: only such contacts are included in the mailing export</translation>
    </message>
    <message>
        <source>Заметки</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Новый клиент</source>
        <translation>New client</translation>
    </message>
    <message>
        <source>Карточка клиента</source>
        <translation>Client card</translation>
    </message>
    <message>
        <source>+ Дело…</source>
        <translation>+ Activity…</translation>
    </message>
    <message>
        <source>Запланировать звонок, встречу, презентацию, письмо или задачу</source>
        <translation>Schedule a call, meeting, presentation, email or task</translation>
    </message>
    <message>
        <source>Записать звонок…</source>
        <translation>Log a call…</translation>
    </message>
    <message>
        <source>Реквизиты</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Организационно-правовая форма</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>Краткое название *</source>
        <translation>Short name *</translation>
    </message>
    <message>
        <source>ООО «Ромашка»</source>
        <translation>“Romashka” LLC</translation>
    </message>
    <message>
        <source>Полное наименование</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <source>ОГРН</source>
        <translation>OGRN</translation>
    </message>
    <message>
        <source>Сайт</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Юридический адрес</source>
        <translation>Legal address</translation>
    </message>
    <message>
        <source>Почтовый адрес</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <source>Банковские реквизиты</source>
        <translation>Bank details</translation>
    </message>
    <message>
        <source>Банк</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>БИК</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Корр. счёт</source>
        <translation>Correspondent account</translation>
    </message>
    <message>
        <source>Расчётный счёт</source>
        <translation>Settlement account</translation>
    </message>
    <message>
        <source>+ Добавить</source>
        <translation>+ Add</translation>
    </message>
    <message>
        <source>Изменить…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>+ Дело с контактом…</source>
        <translation>+ Activity with contact…</translation>
    </message>
    <message>
        <source>Контакты</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Классификация</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>— почему клиент ушёл? —</source>
        <translation>— why did the client leave? —</translation>
    </message>
    <message>
        <source>Из реестра конкурентов (вкладка «Рынок»)</source>
        <translation>From the competitor registry (the “Market” tab)</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>На каком языке выпускаются КП, счета и протоколы этого клиента — независимо от языка программы</source>
        <translation>The language of this client&apos;s offers, invoices and protocols, whatever the program&apos;s language</translation>
    </message>
    <message>
        <source>Язык документов</source>
        <translation>Document language</translation>
    </message>
    <message>
        <source>Причина ухода *</source>
        <translation>Churn reason *</translation>
    </message>
    <message>
        <source>К какому конкуренту</source>
        <translation>To which competitor</translation>
    </message>
    <message>
        <source>через запятую: VIP, сеть</source>
        <translation>comma-separated: VIP, chain</translation>
    </message>
    <message>
        <source>Метки</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Отрасль</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Регион</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Источник (канал)</source>
        <translation>Source (channel)</translation>
    </message>
    <message>
        <source>Кампания, которая привела клиента (выставка, рассылка…): его новые сделки получат её же</source>
        <translation>The campaign that brought the client (trade show, mailing…): the client&apos;s new deals get the same one</translation>
    </message>
    <message>
        <source>Кампания</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Уровень лояльности</source>
        <translation>Loyalty level</translation>
    </message>
    <message>
        <source>Ответственный</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Сервисный звонок</source>
        <translation>Service call</translation>
    </message>
    <message>
        <source>по ритму сегмента</source>
        <translation>segment default</translation>
    </message>
    <message>
        <source>раз в </source>
        <translation>every </translation>
    </message>
    <message>
        <source> дн.</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Как часто звонить клиенту без повода; без своего ритма — как задано для его сегмента (Правка → Ритм работы с клиентами…)</source>
        <translation>How often to call the client without a specific reason; without its own cadence, as set for its segment (Edit → Client call cadence…)</translation>
    </message>
    <message>
        <source>Примечание</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Показать:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Заметка о клиенте — Ctrl+Enter, чтобы добавить в историю</source>
        <translation>Note about the client — Ctrl+Enter to add it to the history</translation>
    </message>
    <message>
        <source>История</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Дела</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Выручка за всё время</source>
        <translation>All-time revenue</translation>
    </message>
    <message>
        <source>Заказов</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Средний заказ</source>
        <translation>Average order</translation>
    </message>
    <message>
        <source>Между заказами, в среднем</source>
        <translation>Average time between orders</translation>
    </message>
    <message>
        <source>Последняя покупка</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <source>Первая покупка</source>
        <translation>First purchase</translation>
    </message>
    <message>
        <source>Покупки</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Сводка для передачи (PDF)</source>
        <translation>Handover summary (PDF)</translation>
    </message>
    <message>
        <source>Реквизиты, контакты, открытые сделки и последние дела — для коллеги, которому вы передаёте клиента</source>
        <translation>Details, contacts, open deals and recent activities — for the colleague you are handing the client over to</translation>
    </message>
    <message>
        <source>Вернуть из архива</source>
        <translation>Restore from archive</translation>
    </message>
    <message>
        <source>В архив</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Акт сверки…</source>
        <translation>Reconciliation statement…</translation>
    </message>
    <message>
        <source>Акт сверки взаиморасчётов с клиентом за период (PDF)</source>
        <translation>Reconciliation statement with the client for a period (PDF)</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>+ Новое дело…</source>
        <translation>+ New activity…</translation>
    </message>
    <message>
        <source>Завершить…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>С выбранными</source>
        <translation>With selected</translation>
    </message>
    <message>
        <source>Выберите дела в списке</source>
        <translation>Select activities in the list</translation>
    </message>
    <message>
        <source>всё</source>
        <translation>all</translation>
    </message>
    <message>
        <source>{n} дн.</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>Аванс: {amount}</source>
        <translation>Credit: {amount}</translation>
    </message>
    <message>
        <source>Оплаты клиента, ещё не отнесённые к заказу</source>
        <translation>Client payments not yet allocated to an order</translation>
    </message>
    <message>
        <source>№ {id}</source>
        <translation>No. {id}</translation>
    </message>
    <message>
        <source>в архиве</source>
        <translation>archived</translation>
    </message>
    <message>
        <source>ИНН {inn}</source>
        <translation>INN {inn}</translation>
    </message>
    <message>
        <source>13 цифр</source>
        <translation>13 digits</translation>
    </message>
    <message>
        <source>ОГРНИП, 15 цифр</source>
        <translation>OGRNIP, 15 digits</translation>
    </message>
    <message>
        <source>10 цифр</source>
        <translation>10 digits</translation>
    </message>
    <message>
        <source>12 цифр</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>Выберите сохранённый контакт (новый — после сохранения карточки)</source>
        <translation>Select a saved contact (a new one can be chosen after the card is saved)</translation>
    </message>
    <message>
        <source>Удалить контактное лицо «{name}»? Изменение сохранится вместе с карточкой.</source>
        <translation>Delete contact person “{name}”? The change will be saved together with the card.</translation>
    </message>
    <message>
        <source>без имени</source>
        <translation>unnamed</translation>
    </message>
    <message>
        <source>Похожие клиенты уже есть</source>
        <translation>Similar clients already exist</translation>
    </message>
    <message>
        <source>Возможно, этот клиент уже есть в базе:</source>
        <translation>This client may already be in the database:</translation>
    </message>
    <message>
        <source>, в архиве</source>
        <translation>, archived</translation>
    </message>
    <message>
        <source> · ИНН {inn}</source>
        <translation> · INN {inn}</translation>
    </message>
    <message>
        <source>Откройте существующую карточку, чтобы не заводить дубль, или сохраните нового клиента всё равно.</source>
        <translation>Open the existing card to avoid creating a duplicate, or save the new client anyway.</translation>
    </message>
    <message>
        <source>Вернуться к карточке</source>
        <translation>Back to the card</translation>
    </message>
    <message>
        <source>Создать всё равно</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <source>Открыть существующего</source>
        <translation>Open existing</translation>
    </message>
</context>
<context>
    <name>ClientExport</name>
    <message>
        <source>{path}: выгрузка возможна в CSV или XLSX</source>
        <translation>{path}: export is only possible to CSV or XLSX</translation>
    </message>
    <message>
        <source>Клиенты</source>
        <translation>Clients</translation>
    </message>
</context>
<context>
    <name>ClientImport</name>
    <message>
        <source>Название</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Полное наименование</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>ОПФ</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <source>ОГРН</source>
        <translation>OGRN</translation>
    </message>
    <message>
        <source>Юридический адрес</source>
        <translation>Legal address</translation>
    </message>
    <message>
        <source>Почтовый адрес</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Сайт</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Банк</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>БИК</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Корр. счёт</source>
        <translation>Correspondent account</translation>
    </message>
    <message>
        <source>Расчётный счёт</source>
        <translation>Settlement account</translation>
    </message>
    <message>
        <source>Отрасль</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Регион</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Лояльность</source>
        <translation>Loyalty</translation>
    </message>
    <message>
        <source>Источник</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Ответственный</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Метки</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Примечание</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Контактное лицо</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Телефон контакта</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>E-mail контакта</source>
        <translation>Contact email</translation>
    </message>
    <message>
        <source>{path}: файл не найден</source>
        <translation>{path}: file not found</translation>
    </message>
    <message>
        <source>{path}: файл больше {mb} МБ</source>
        <translation>{path}: file is larger than {mb} MB</translation>
    </message>
    <message>
        <source>{path}: загружаются только файлы CSV и XLSX</source>
        <translation>{path}: only CSV and XLSX files can be imported</translation>
    </message>
    <message>
        <source>то же название</source>
        <translation>the same name</translation>
    </message>
    <message>
        <source>тот же телефон</source>
        <translation>the same phone</translation>
    </message>
    <message>
        <source>тот же e-mail</source>
        <translation>the same e-mail</translation>
    </message>
    <message>
        <source>Неизвестный выбор для похожих клиентов: {c}</source>
        <translation>Unknown choice for similar clients: {c}</translation>
    </message>
    <message>
        <source>Кампания не найдена</source>
        <translation>Campaign not found</translation>
    </message>
    <message>
        <source>похож на клиента №{id} «{name}» ({why}) — пропущен</source>
        <translation>like client No. {id} “{name}” ({why}) — skipped</translation>
    </message>
    <message>
        <source>похож на строку {line} файла ({why}) — пропущен</source>
        <translation>like row {line} of the file ({why}) — skipped</translation>
    </message>
    <message>
        <source>строки {first}–{last}: база данных отклонила запись ({e}) — ничего не загружено</source>
        <translation>rows {first}–{last}: the database refused a record ({e}) — nothing was imported</translation>
    </message>
    <message>
        <source>{path}: больше {n} строк</source>
        <translation>{path}: more than {n} rows</translation>
    </message>
    <message>
        <source>{path}, строка {line}: {e}</source>
        <translation>{path}, line {line}: {e}</translation>
    </message>
    <message>
        <source>{path}: в файле нет строки заголовков</source>
        <translation>{path}: the file has no header row</translation>
    </message>
    <message>
        <source>{path}: неверная кодировка: в начале файла метка {enc}, но строка {line} в этой кодировке не читается — файл повреждён или сохранён не в той кодировке</source>
        <translation>{path}: wrong encoding: the file starts with a {enc} mark, but line {line} cannot be read in that encoding — the file is damaged or saved in another encoding</translation>
    </message>
    <message>
        <source>{path}: неизвестная кодировка: файл не читается ни как UTF-8 (строка {utf8}), ни как Windows-1251 (строка {cp1251}). Сохраните его в UTF-8 (в Excel: «CSV UTF-8»)</source>
        <translation>{path}: unknown encoding: the file reads neither as UTF-8 (line {utf8}) nor as Windows-1251 (line {cp1251}). Save it as UTF-8 (in Excel: “CSV UTF-8”)</translation>
    </message>
    <message>
        <source>табуляция</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>{path}: неизвестная кодировка: в строке заголовков нулевые байты — похоже на UTF-16 без метки BOM или не текстовый файл. Сохраните его в UTF-8 (в Excel: «CSV UTF-8»)</source>
        <translation>{path}: unknown encoding: the header line contains zero bytes — it looks like UTF-16 without a BOM, or not a text file. Save it as UTF-8 (in Excel: “CSV UTF-8”)</translation>
    </message>
    <message>
        <source>{path}, строка {line}: неверная кодировка</source>
        <translation>{path}, line {line}: wrong encoding</translation>
    </message>
    <message>
        <source>{path}, строка {line}: кавычка не закрыта — поле в кавычках захватило следующие строки до строки {end}</source>
        <translation>{path}, line {line}: unclosed quote — the quoted field swallowed the following lines up to line {end}</translation>
    </message>
    <message>
        <source>{path}, строка {line}: после закрывающей кавычки ожидается {d} или конец строки; кавычку внутри поля в кавычках пишут дважды (&quot;&quot;)</source>
        <translation>{path}, line {line}: after a closing quote {d} or the end of the line is expected; a quote inside a quoted field is written twice (&quot;&quot;)</translation>
    </message>
    <message>
        <source>{path}, строка {line}: кавычка не закрыта — поле в кавычках продолжается до конца файла</source>
        <translation>{path}, line {line}: unclosed quote — the quoted field runs to the end of the file</translation>
    </message>
    <message>
        <source>{path}, строка {line}: кавычка не закрыта — поле в кавычках длиннее {n} знаков</source>
        <translation>{path}, line {line}: unclosed quote — the quoted field is longer than {n} characters</translation>
    </message>
    <message>
        <source>{path}: это не файл XLSX (не читается как zip: {e})</source>
        <translation>{path}: not an XLSX file (cannot be read as zip: {e})</translation>
    </message>
    <message>
        <source>{path}: слишком много частей в файле XLSX ({n}) — файл отклонён</source>
        <translation>{path}: too many parts in the XLSX file ({n}) — file rejected</translation>
    </message>
    <message>
        <source>{path}: часть {name} сжата в {r:.0f} раз — похоже на zip-бомбу, файл отклонён</source>
        <translation>{path}: part {name} is compressed {r:.0f}x — looks like a zip bomb, file rejected</translation>
    </message>
    <message>
        <source>{path}: в распакованном виде файл занял бы {mb} МБ — файл отклонён</source>
        <translation>{path}: unpacked, the file would take {mb} MB — file rejected</translation>
    </message>
    <message>
        <source>{path}: файл XLSX повреждён ({e})</source>
        <translation>{path}: the XLSX file is corrupted ({e})</translation>
    </message>
    <message>
        <source>{path}: в книге нет листов</source>
        <translation>{path}: the workbook has no sheets</translation>
    </message>
    <message>
        <source>{path}: лист пуст</source>
        <translation>{path}: the sheet is empty</translation>
    </message>
    <message>
        <source>{path}: файл XLSX повреждён (строка {n}: {e})</source>
        <translation>{path}: the XLSX file is damaged (row {n}: {e})</translation>
    </message>
    <message>
        <source>неизвестный статус «{s}»</source>
        <translation>unknown status “{s}”</translation>
    </message>
    <message>
        <source>неизвестный вид клиента «{s}»</source>
        <translation>unknown client type “{s}”</translation>
    </message>
    <message>
        <source>недопустимый управляющий символ U+{code:04X} (знак {pos})</source>
        <translation>control character not allowed: U+{code:04X} (character {pos})</translation>
    </message>
    <message>
        <source>Неизвестные поля: {f}</source>
        <translation>Unknown fields: {f}</translation>
    </message>
    <message>
        <source>Укажите, в какой колонке название клиента</source>
        <translation>Specify which column contains the client name</translation>
    </message>
    <message>
        <source>этот ИНН уже был в строке {n}</source>
        <translation>this INN already appeared in line {n}</translation>
    </message>
    <message>
        <source>клиент с ИНН {inn} уже есть (№{id}) — пропущен</source>
        <translation>a client with INN {inn} already exists (#{id}) — skipped</translation>
    </message>
    <message>
        <source>Импорт клиентов из CSV или Excel</source>
        <translation>Import clients from CSV or Excel</translation>
    </message>
    <message>
        <source>Файл CSV (в том числе сохранённый из Excel) или XLSX</source>
        <translation>CSV file (including one saved from Excel) or XLSX</translation>
    </message>
    <message>
        <source>Выбрать файл…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Первая строка файла — заголовки колонок. Колонки сопоставляются с полями по названию; проверьте и поправьте сопоставление ниже.</source>
        <translation>The first row of the file contains the column headers. Columns are matched to fields by name; check and correct the mapping below.</translation>
    </message>
    <message>
        <source>Сопоставление колонок</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Первые строки файла</source>
        <translation>First rows of the file</translation>
    </message>
    <message>
        <source>Отчёт о проверке</source>
        <translation>Validation report</translation>
    </message>
    <message>
        <source>Нажмите «Проверить», чтобы увидеть, какие строки загрузятся, а какие — нет и почему.</source>
        <translation>Click “Check” to see which rows will be imported, which will not, and why.</translation>
    </message>
    <message>
        <source>Загрузить верные строки, а ошибочные пропустить</source>
        <translation>Import valid rows and skip invalid ones</translation>
    </message>
    <message>
        <source>Без этой отметки при любой ошибке в файле не загрузится ничего</source>
        <translation>Without this option, nothing is imported if the file contains any error</translation>
    </message>
    <message>
        <source>Клиентов с ИНН, который уже есть в базе, — пропускать</source>
        <translation>Skip clients whose INN is already in the database</translation>
    </message>
    <message>
        <source>Клиентов с ИНН, который уже есть в базе, — обновлять</source>
        <translation>Update clients whose INN is already in the database</translation>
    </message>
    <message>
        <source>Похожих — обновлять найденного клиента</source>
        <translation>Similar rows — update the client found</translation>
    </message>
    <message>
        <source>Похожих — загружать как новых</source>
        <translation>Similar rows — import as new</translation>
    </message>
    <message>
        <source>Все загруженные клиенты войдут в эту кампанию (например, список с выставки); у обновляемых клиентов кампания ставится, только если её не было</source>
        <translation>All loaded clients will be assigned to this campaign (e.g. a list from a trade show); updated clients get the campaign only if they had none</translation>
    </message>
    <message>
        <source>Кампания:</source>
        <translation>Campaign:</translation>
    </message>
    <message>
        <source>Проверить</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Загрузить</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Файл с клиентами</source>
        <translation>Client file</translation>
    </message>
    <message>
        <source>Таблицы (*.csv *.xlsx *.txt);;Все файлы (*)</source>
        <translation>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Читаем файл…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>{desc} · строк с данными: {n}</source>
        <translation>{desc} · data rows: {n}</translation>
    </message>
    <message>
        <source>Колонка в файле</source>
        <translation>Column in file</translation>
    </message>
    <message>
        <source>Поле SalesDesk</source>
        <translation>SalesDesk field</translation>
    </message>
    <message>
        <source>Пример</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>— не загружать —</source>
        <translation>— do not import —</translation>
    </message>
    <message>
        <source>Похожих на клиентов базы и строки выше — пропускать</source>
        <translation>Rows like clients of the base or earlier rows — skip</translation>
    </message>
    <message>
        <source>Похожий — с тем же названием (без формы собственности и кавычек), телефоном или e-mail, что у клиента в базе или в строке файла выше, но без его ИНН; «обновлять» дополняет этого клиента или клиента из той строки; «Проверить» покажет, на кого похожа каждая строка</source>
        <translation>Similar means the same name (legal form and quotes aside), phone or e-mail as a client of the base or an earlier row of the file, but not its ИНН; “update” fills in that client or the client of that row; “Check” shows what each row is like</translation>
    </message>
    <message>
        <source>Укажите, в какой колонке файла название клиента.</source>
        <translation>Specify which column of the file contains the client name.</translation>
    </message>
    <message>
        <source>Проверяем…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Загружаем…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Проверка: загрузится {i}, обновится {u}, пропущено {s}, с ошибками {x}</source>
        <translation>Check: {i} to import, {u} to update, {s} skipped, {x} with errors</translation>
    </message>
    <message>
        <source>Готово: загружено {i}, обновлено {u}, пропущено {s}, отклонено {x}</source>
        <translation>Done: {i} imported, {u} updated, {s} skipped, {x} rejected</translation>
    </message>
    <message>
        <source>Ничего не загружено: строк с ошибками — {x}</source>
        <translation>Nothing was imported: rows with errors — {x}</translation>
    </message>
    <message>
        <source>В строгом режиме из-за ошибок не загрузится ничего. Исправьте файл или отметьте «Загрузить верные строки, а ошибочные пропустить» — тогда загрузятся верные строки.</source>
        <translation>In strict mode, nothing will be imported because of the errors. Fix the file or check “Import valid rows and skip invalid ones” — then the valid rows will be imported.</translation>
    </message>
    <message>
        <source>Исправьте ошибки в файле или отметьте «Загрузить верные строки, а ошибочные пропустить».</source>
        <translation>Fix the errors in the file or check “Import valid rows and skip invalid ones”.</translation>
    </message>
    <message>
        <source>Строка {line} ({name}): {msg}</source>
        <translation>Line {line} ({name}): {msg}</translation>
    </message>
    <message>
        <source>… и ещё %n строка с ошибками|… и ещё %n строки с ошибками|… и ещё %n строк с ошибками</source>
        <translation>… and %n more row with errors|… and %n more rows with errors</translation>
    </message>
    <message>
        <source>%n строка похожа на клиента базы и пропущена|%n строки похожи на клиентов базы и пропущены|%n строк похожи на клиентов базы и пропущены</source>
        <translation>%n row is like a client of the base and was skipped|%n rows are like clients of the base and were skipped</translation>
    </message>
    <message>
        <source>%n строка похожа на строку выше в том же файле и пропущена|%n строки похожи на строки выше в том же файле и пропущены|%n строк похожи на строки выше в том же файле и пропущены</source>
        <translation>%n row is like an earlier row of the same file and was skipped|%n rows are like earlier rows of the same file and were skipped</translation>
    </message>
    <message>
        <source>Если это не дубли, выберите «Похожих — загружать как новых» или «обновлять найденного клиента».</source>
        <translation>If they are not duplicates, choose “Similar rows — import as new” or “update the client found”.</translation>
    </message>
    <message>
        <source>… и ещё %n пропущенная строка|… и ещё %n пропущенные строки|… и ещё %n пропущенных строк</source>
        <translation>… and %n more skipped row|… and %n more skipped rows</translation>
    </message>
    <message>
        <source>Ошибок нет.</source>
        <translation>No errors.</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>— не выбрано —</source>
        <translation>— not selected —</translation>
    </message>
    <message>
        <source>Начните вводить название или ИНН</source>
        <translation>Start typing a name or INN</translation>
    </message>
</context>
<context>
    <name>ClientStatement</name>
    <message>
        <source>Акт сверки: период</source>
        <translation>Reconciliation statement: period</translation>
    </message>
    <message>
        <source>С</source>
        <translation>From</translation>
    </message>
    <message>
        <source>По</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Сформировать</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Конец периода раньше его начала</source>
        <translation>The end of the period is before its start</translation>
    </message>
    <message>
        <source>Акт сверки {name} {start}–{end}</source>
        <translation>Reconciliation statement {name} {start}–{end}</translation>
    </message>
    <message>
        <source>Готовим акт сверки…</source>
        <translation>Preparing the reconciliation statement…</translation>
    </message>
</context>
<context>
    <name>Clients</name>
    <message>
        <source>Лид</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Активный</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Потерян</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Ушёл</source>
        <translation>Churned</translation>
    </message>
    <message>
        <source>Организация</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>ИП</source>
        <translation>Sole proprietor</translation>
    </message>
    <message>
        <source>Физическое лицо</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>русский</source>
        <translation>Russian</translation>
    </message>
    <message>
        <source>английский</source>
        <translation>English</translation>
    </message>
    <message>
        <source>к конкуренту</source>
        <translation>to a competitor</translation>
    </message>
    <message>
        <source>качество</source>
        <translation>quality</translation>
    </message>
    <message>
        <source>сервис</source>
        <translation>service</translation>
    </message>
    <message>
        <source>нет потребности</source>
        <translation>no need</translation>
    </message>
    <message>
        <source>компания закрылась</source>
        <translation>company closed</translation>
    </message>
    <message>
        <source>цена</source>
        <translation>price</translation>
    </message>
    <message>
        <source>другое</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Неизвестный вид клиента</source>
        <translation>Unknown client type</translation>
    </message>
    <message>
        <source>Неизвестный статус</source>
        <translation>Unknown status</translation>
    </message>
    <message>
        <source>Неизвестный язык документов</source>
        <translation>Unknown document language</translation>
    </message>
    <message>
        <source>Укажите название клиента</source>
        <translation>Enter the client name</translation>
    </message>
    <message>
        <source>Название длиннее 300 знаков</source>
        <translation>Name is longer than 300 characters</translation>
    </message>
    <message>
        <source>Не похоже на номер телефона</source>
        <translation>This doesn&apos;t look like a phone number</translation>
    </message>
    <message>
        <source>Неверный адрес электронной почты</source>
        <translation>Invalid email address</translation>
    </message>
    <message>
        <source>Не длиннее {n} знаков</source>
        <translation>At most {n} characters</translation>
    </message>
    <message>
        <source>Метка длиннее 100 знаков</source>
        <translation>Tag is longer than 100 characters</translation>
    </message>
    <message>
        <source>Укажите имя контактного лица</source>
        <translation>Enter the contact person&apos;s name</translation>
    </message>
    <message>
        <source>День рождения в будущем</source>
        <translation>Birthday is in the future</translation>
    </message>
    <message>
        <source>Неизвестная причина ухода</source>
        <translation>Unknown churn reason</translation>
    </message>
    <message>
        <source>Укажите причину ухода клиента</source>
        <translation>Specify why the client left</translation>
    </message>
    <message>
        <source>Клиент №{id} не найден</source>
        <translation>Client #{id} not found</translation>
    </message>
    <message>
        <source>Кампания не найдена</source>
        <translation>Campaign not found</translation>
    </message>
    <message>
        <source>Конкурент не найден</source>
        <translation>Competitor not found</translation>
    </message>
    <message>
        <source>тот же ИНН</source>
        <translation>same INN</translation>
    </message>
    <message>
        <source>тот же телефон</source>
        <translation>same phone</translation>
    </message>
    <message>
        <source>тот же e-mail</source>
        <translation>same email</translation>
    </message>
    <message>
        <source>похожее название</source>
        <translation>similar name</translation>
    </message>
    <message>
        <source>Нельзя объединить клиента с самим собой</source>
        <translation>A client cannot be merged with itself</translation>
    </message>
    <message>
        <source>Клиент для объединения не найден</source>
        <translation>Client to merge not found</translation>
    </message>
    <message>
        <source>У клиента «{name}» есть сделки ({d}) и заказы ({o}); такого клиента можно только отправить в архив</source>
        <translation>Client “{name}” has deals ({d}) and orders ({o}); such a client can only be archived</translation>
    </message>
    <message>
        <source>запланировано</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <source>Сделка «{t}» на {sum}</source>
        <translation>Deal “{t}” for {sum}</translation>
    </message>
    <message>
        <source>{result}: {text}</source>
        <translation>{result}: {text}</translation>
    </message>
    <message>
        <source>этап: {stage}</source>
        <translation>stage: {stage}</translation>
    </message>
    <message>
        <source>Сделка «{t}» закрыта: {stage}</source>
        <translation>Deal “{t}” closed: {stage}</translation>
    </message>
    <message>
        <source>Коммерческое предложение {n} на {sum}</source>
        <translation>Commercial offer {n} for {sum}</translation>
    </message>
    <message>
        <source>Заказ {n} на {sum}</source>
        <translation>Order {n} for {sum}</translation>
    </message>
    <message>
        <source>Оплата {sum} по заказу {n}</source>
        <translation>Payment {sum} for order {n}</translation>
    </message>
    <message>
        <source>Оплата {sum} без заказа (аванс)</source>
        <translation>Payment {sum} without an order (credit)</translation>
    </message>
    <message>
        <source>Рекламация: {category}</source>
        <translation>Complaint: {category}</translation>
    </message>
    <message>
        <source>Оценка удовлетворённости: {n} из 10</source>
        <translation>Satisfaction score: {n} out of 10</translation>
    </message>
    <message>
        <source>доставлена {d}</source>
        <translation>delivered {d}</translation>
    </message>
    <message>
        <source>УПД № {n}</source>
        <translation>UPD No. {n}</translation>
    </message>
    <message>
        <source>ТН № {n}</source>
        <translation>Waybill No. {n}</translation>
    </message>
    <message>
        <source>Отгрузка по заказу {n}</source>
        <translation>Shipment for order {n}</translation>
    </message>
    <message>
        <source>Сделка «{t}»: {a} → {b}</source>
        <translation>Deal “{t}”: {a} → {b}</translation>
    </message>
    <message>
        <source>Напишите заметку</source>
        <translation>Write a note</translation>
    </message>
    <message>
        <source>Клиент не найден</source>
        <translation>Client not found</translation>
    </message>
    <message>
        <source>Передача клиента {name}</source>
        <translation>Handover of client {name}</translation>
    </message>
    <message>
        <source>Готовим сводку по клиенту…</source>
        <translation>Preparing the client summary…</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Метки</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Регион</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Отрасль</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Ответственный</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Последний контакт</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Следующее дело</source>
        <translation>Next activity</translation>
    </message>
    <message>
        <source>Выручка за год</source>
        <translation>Annual revenue</translation>
    </message>
    <message>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>ИНН {inn}</source>
        <translation>INN {inn}</translation>
    </message>
    <message>
        <source>Дело просрочено</source>
        <translation>Activity overdue</translation>
    </message>
    <message>
        <source>Выполненных дел с клиентом ещё не было</source>
        <translation>No activities with this client have been completed yet</translation>
    </message>
    <message>
        <source>Поиск: название, ИНН, телефон, e-mail, контактное лицо, примечание…</source>
        <translation>Search: name, INN, phone, email, contact person, note…</translation>
    </message>
    <message>
        <source>+ Новый клиент</source>
        <translation>+ New client</translation>
    </message>
    <message>
        <source>Импорт…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Экспорт…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Ещё</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Все сегменты</source>
        <translation>All segments</translation>
    </message>
    <message>
        <source>Все метки</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>Все регионы</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>Все отрасли</source>
        <translation>All industries</translation>
    </message>
    <message>
        <source>Контакт: любой</source>
        <translation>Contact: any</translation>
    </message>
    <message>
        <source>Без контакта ≥ {n} дн.</source>
        <translation>No contact ≥ {n} days</translation>
    </message>
    <message>
        <source>Клиенты, с которыми не было выполненных дел столько дней или дольше</source>
        <translation>Clients with no completed activities for this many days or longer</translation>
    </message>
    <message>
        <source>Архив</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Сбросить</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Мои фильтры</source>
        <translation>My filters</translation>
    </message>
    <message>
        <source>Открыть карточку</source>
        <translation>Open card</translation>
    </message>
    <message>
        <source>Запланировать дело…</source>
        <translation>Schedule activity…</translation>
    </message>
    <message>
        <source>Записать звонок…</source>
        <translation>Log a call…</translation>
    </message>
    <message>
        <source>В архив</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Объединить двух клиентов…</source>
        <translation>Merge two clients…</translation>
    </message>
    <message>
        <source>Удалить навсегда…</source>
        <translation>Delete permanently…</translation>
    </message>
    <message>
        <source>Рассылка по фильтру списка…</source>
        <translation>Mailing by list filter…</translation>
    </message>
    <message>
        <source>Контакты клиентов списка с e-mail и согласием на рассылку — в CSV или vCard</source>
        <translation>Contacts of the listed clients with an e-mail and mailing consent — to CSV or vCard</translation>
    </message>
    <message>
        <source>Вернуть из архива</source>
        <translation>Restore from archive</translation>
    </message>
    <message>
        <source>Для поиска — хотя бы 2 символа</source>
        <translation>Enter at least 2 characters to search</translation>
    </message>
    <message>
        <source>В архиве: {n}</source>
        <translation>Archived: {n}</translation>
    </message>
    <message>
        <source>Найдено: {n} из {total}</source>
        <translation>Found: {n} of {total}</translation>
    </message>
    <message>
        <source>Клиентов: {n}</source>
        <translation>Clients: {n}</translation>
    </message>
    <message>
        <source>Клиентов пока нет.
Добавьте первого клиента или загрузите список из Excel (CSV или XLSX).</source>
        <translation>No clients yet.
Add your first client or import a list from Excel (CSV or XLSX).</translation>
    </message>
    <message>
        <source>Никого не нашлось.
Проверьте написание или сбросьте фильтры.</source>
        <translation>No one found.
Check the spelling or reset the filters.</translation>
    </message>
    <message>
        <source>Сбросить поиск и фильтры</source>
        <translation>Reset search and filters</translation>
    </message>
    <message>
        <source>Возвращено из архива: {n}</source>
        <translation>Restored from archive: {n}</translation>
    </message>
    <message>
        <source>Отправлено в архив: {n}</source>
        <translation>Archived: {n}</translation>
    </message>
    <message>
        <source>Удалять можно по одному клиенту.</source>
        <translation>Clients can only be deleted one at a time.</translation>
    </message>
    <message>
        <source>У клиента «{name}» есть сделки ({d}) и заказы ({o}) — это история продаж, её нельзя удалить.
Отправьте клиента в архив: он исчезнет из списка, но история сохранится.</source>
        <translation>Client “{name}” has deals ({d}) and orders ({o}) — this is sales history and cannot be deleted.
Archive the client instead: it will disappear from the list, but the history will be kept.</translation>
    </message>
    <message>
        <source>Удалить клиента «{name}» навсегда?

Вместе с ним будут удалены: контактные лица — {c}, дела — {a}, рекламации — {p}, оценки — {s}.
Отменить удаление будет нельзя. Если клиент просто больше не нужен в списке, отправьте его в архив.</source>
        <translation>Delete client “{name}” permanently?

The following will be deleted along with it: contact persons — {c}, activities — {a}, complaints — {p}, scores — {s}.
This cannot be undone. If you simply no longer need the client in the list, archive it instead.</translation>
    </message>
    <message>
        <source>Удаление клиента</source>
        <translation>Delete client</translation>
    </message>
    <message>
        <source>Выделите в списке ровно двух клиентов (с Ctrl): того, кого оставить, — последним щелчком.</source>
        <translation>Select exactly two clients in the list (with Ctrl), clicking last on the one to keep.</translation>
    </message>
    <message>
        <source>Оставить «{keep}» и перенести в него всё из «{gone}»: контакты, сделки, заказы, дела, рекламации, оценки и метки?

Пустые реквизиты заполнятся из второй карточки, затем «{gone}» будет удалён.</source>
        <translation>Keep “{keep}” and move everything from “{gone}” into it: contacts, deals, orders, activities, complaints, scores and tags?

Empty details will be filled in from the second card, then “{gone}” will be deleted.</translation>
    </message>
    <message>
        <source>Объединение клиентов</source>
        <translation>Merge clients</translation>
    </message>
    <message>
        <source>Экспорт клиентов</source>
        <translation>Export clients</translation>
    </message>
    <message>
        <source>Книга Excel (*.xlsx);;CSV для Excel (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Выгружено клиентов: {n}
{path}</source>
        <translation>Clients exported: {n}
{path}</translation>
    </message>
    <message>
        <source>Выгружаем клиентов…</source>
        <translation>Exporting clients…</translation>
    </message>
    <message>
        <source>Сохранить фильтр</source>
        <translation>Save filter</translation>
    </message>
    <message>
        <source>Название фильтра:</source>
        <translation>Filter name:</translation>
    </message>
    <message>
        <source>Сохранить текущий фильтр…</source>
        <translation>Save current filter…</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>Company</name>
    <message>
        <source>Укажите название компании</source>
        <translation>Enter the company name</translation>
    </message>
    <message>
        <source>Неверный адрес электронной почты</source>
        <translation>Invalid email address</translation>
    </message>
    <message>
        <source>Неизвестная ставка НДС</source>
        <translation>Unknown VAT rate</translation>
    </message>
    <message>
        <source>Неизвестный шаблон КП</source>
        <translation>Unknown quote template</translation>
    </message>
    <message>
        <source>Срок действия КП — от 1 до 365 дней</source>
        <translation>Quote validity must be from 1 to 365 days</translation>
    </message>
    <message>
        <source>Изображение больше 10 МБ</source>
        <translation>Image is larger than 10 MB</translation>
    </message>
    <message>
        <source>Нужен файл PNG или JPEG</source>
        <translation>A PNG or JPEG file is required</translation>
    </message>
    <message>
        <source>Не удалось прочитать изображение</source>
        <translation>Could not read the image</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <source>Компания</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Банк</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Краткое название</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Полное наименование</source>
        <translation>Full legal name</translation>
    </message>
    <message>
        <source>ИНН</source>
        <translation>INN (tax ID)</translation>
    </message>
    <message>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <source>ОГРН / ОГРНИП</source>
        <translation>OGRN / OGRNIP</translation>
    </message>
    <message>
        <source>Юридический адрес</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <source>Почтовый адрес</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Эл. почта</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Сайт</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>БИК</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Корр. счёт</source>
        <translation>Correspondent account</translation>
    </message>
    <message>
        <source>Расчётный счёт</source>
        <translation>Settlement account</translation>
    </message>
    <message>
        <source>Руководитель (ФИО)</source>
        <translation>Director (full name)</translation>
    </message>
    <message>
        <source>Должность руководителя</source>
        <translation>Director&apos;s title</translation>
    </message>
    <message>
        <source>Главный бухгалтер</source>
        <translation>Chief accountant</translation>
    </message>
    <message>
        <source>Менеджер (ФИО)</source>
        <translation>Manager (full name)</translation>
    </message>
    <message>
        <source>Телефон менеджера</source>
        <translation>Manager&apos;s phone</translation>
    </message>
    <message>
        <source>Почта менеджера</source>
        <translation>Manager&apos;s e-mail</translation>
    </message>
    <message>
        <source>Должность менеджера</source>
        <translation>Manager&apos;s position</translation>
    </message>
    <message>
        <source>Логотип</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Факсимиле подписи</source>
        <translation>Signature facsimile</translation>
    </message>
    <message>
        <source>Печать</source>
        <translation>Stamp</translation>
    </message>
    <message>
        <source>Подписи</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Реквизиты компании</source>
        <translation>Company details</translation>
    </message>
    <message>
        <source>Изображения</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Цены включают НДС</source>
        <translation>Prices include VAT</translation>
    </message>
    <message>
        <source> дн.</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Ставка НДС по умолчанию</source>
        <translation>Default VAT rate</translation>
    </message>
    <message>
        <source>Срок действия КП</source>
        <translation>Quote validity</translation>
    </message>
    <message>
        <source>Шаблон КП</source>
        <translation>Quote template</translation>
    </message>
    <message>
        <source>Номера новых заказов: префикс-год-номер, например ЗК-2026-00001; выданные номера не меняются и не повторяются</source>
        <translation>New order numbers: prefix-year-number, e.g. ЗК-2026-00001; numbers already given never change or repeat</translation>
    </message>
    <message>
        <source>Префикс номера заказа</source>
        <translation>Order number prefix</translation>
    </message>
    <message>
        <source>Документы</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Выбрать…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Убрать</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>нет</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Изображение</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Изображения (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Новые и в работе</source>
        <translation>New and in progress</translation>
    </message>
    <message>
        <source>{done} из {total}</source>
        <translation>{done} of {total}</translation>
    </message>
    <message>
        <source>Новая рекламация…</source>
        <translation>New complaint…</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Только просроченные</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Клиент: все</source>
        <translation>Client: all</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Категория</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Суть</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Срок</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>{d} · просрочена</source>
        <translation>{d} · overdue</translation>
    </message>
    <message>
        <source>Ответственный</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Задачи</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Выполнено корректирующих задач: {d} из {n}</source>
        <translation>Corrective tasks done: {d} of {n}</translation>
    </message>
    <message>
        <source>По чему</source>
        <translation>Related to</translation>
    </message>
    <message>
        <source>Рекламаций нет. Жалоба клиента — «Новая рекламация…»: категория, суть, срок и корректирующие задачи до выполнения.</source>
        <translation>No complaints. For a client&apos;s complaint use “New complaint…”: category, summary, due date and corrective tasks through to completion.</translation>
    </message>
    <message>
        <source>%n рекламация|%n рекламации|%n рекламаций</source>
        <translation>%n complaint|%n complaints</translation>
    </message>
    <message>
        <source>просрочено: {n}</source>
        <translation>overdue: {n}</translation>
    </message>
    <message>
        <source>Удалить рекламацию</source>
        <translation>Delete complaint</translation>
    </message>
    <message>
        <source>Удалить рекламацию? Её корректирующие задачи останутся в делах клиента.</source>
        <translation>Delete the complaint? Its corrective tasks will remain in the client&apos;s activities.</translation>
    </message>
    <message>
        <source>Что сделать</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Выполнено</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>✓ {d}</source>
        <translation>✓ {d}</translation>
    </message>
    <message>
        <source>нет</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Рекламация</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Новая рекламация</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Клиент *</source>
        <translation>Client *</translation>
    </message>
    <message>
        <source>Заказ</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Отгрузка</source>
        <translation>Shipment</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Категория *</source>
        <translation>Category *</translation>
    </message>
    <message>
        <source>Дата *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>кто решает</source>
        <translation>who resolves it</translation>
    </message>
    <message>
        <source>Стоимость решения, ₽</source>
        <translation>Resolution cost, ₽</translation>
    </message>
    <message>
        <source>На что жалуется клиент: что, сколько, когда обнаружили</source>
        <translation>What the client is complaining about: what, how much, when it was found</translation>
    </message>
    <message>
        <source>Суть *</source>
        <translation>Summary *</translation>
    </message>
    <message>
        <source>Как решили (замена, скидка, возврат) или почему отклонили</source>
        <translation>How it was resolved (replacement, discount, refund) or why it was rejected</translation>
    </message>
    <message>
        <source>Решение</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Корректирующие задачи</source>
        <translation>Corrective tasks</translation>
    </message>
    <message>
        <source>Задач пока нет: что нужно сделать, чтобы решить рекламацию?</source>
        <translation>No tasks yet: what needs to be done to resolve the complaint?</translation>
    </message>
    <message>
        <source>Новая задача: заменить партию, выехать к клиенту…</source>
        <translation>New task: replace the batch, visit the client…</translation>
    </message>
    <message>
        <source>Добавить задачу</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>Отметить выполненной</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>Рекламация от {d} · {client}</source>
        <translation>Complaint dated {d} · {client}</translation>
    </message>
    <message>
        <source>просрочена</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>— не выбрано —</source>
        <translation>— not selected —</translation>
    </message>
    <message>
        <source>Выполнено {d} из {n}</source>
        <translation>Done {d} of {n}</translation>
    </message>
    <message>
        <source>Стоимость — это число, например 1 500,00</source>
        <translation>The cost must be a number, e.g. 1 500,00</translation>
    </message>
    <message>
        <source>Опишите, что нужно сделать</source>
        <translation>Describe what needs to be done</translation>
    </message>
</context>
<context>
    <name>CompleteActivity</name>
    <message>
        <source>Завтра</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>Через 3 дня</source>
        <translation>In 3 days</translation>
    </message>
    <message>
        <source>Через неделю</source>
        <translation>In a week</translation>
    </message>
    <message>
        <source>Завершить дело</source>
        <translation>Complete activity</translation>
    </message>
    <message>
        <source>Результат *</source>
        <translation>Result *</translation>
    </message>
    <message>
        <source>— не указана —</source>
        <translation>— not specified —</translation>
    </message>
    <message>
        <source>Реакция клиента</source>
        <translation>Client reaction</translation>
    </message>
    <message>
        <source>О чём договорились, что важно запомнить</source>
        <translation>What was agreed, what is important to remember</translation>
    </message>
    <message>
        <source>Итог</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Следующий шаг</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Запланировать дело</source>
        <translation>Schedule activity</translation>
    </message>
    <message>
        <source>Без следующего шага</source>
        <translation>No next step</translation>
    </message>
    <message>
        <source>Следующий звонок: {when}</source>
        <translation>Next call: {when}</translation>
    </message>
    <message>
        <source>Следующее по графику: {kind}, {when}</source>
        <translation>Next on schedule: {kind}, {when}</translation>
    </message>
    <message>
        <source>Записать оценку клиента (NPS или CSAT) после завершения</source>
        <translation>Record the client&apos;s score (NPS or CSAT) after completion</translation>
    </message>
    <message>
        <source>Завершить</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Что сделать</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Что сделать *</source>
        <translation>What to do *</translation>
    </message>
    <message>
        <source>Когда *</source>
        <translation>When *</translation>
    </message>
    <message>
        <source>Почему следующего шага нет: клиент отказался, сделка закрыта…</source>
        <translation>Why there is no next step: the client refused, the deal is closed…</translation>
    </message>
    <message>
        <source>Выберите результат (цифры 1–{n})</source>
        <translation>Select a result (digits 1–{n})</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>База данных отклонила изменение: {reason}</source>
        <translation>The database rejected the change: {reason}</translation>
    </message>
    <message>
        <source>запись связана с другими данными</source>
        <translation>the record is linked to other data</translation>
    </message>
    <message>
        <source>такая запись уже есть ({detail})</source>
        <translation>such a record already exists ({detail})</translation>
    </message>
    <message>
        <source>недопустимое значение ({detail})</source>
        <translation>invalid value ({detail})</translation>
    </message>
    <message>
        <source>{path}: там уже есть файл; база не перенесена</source>
        <translation>{path}: a file is already there; the database was not moved</translation>
    </message>
    <message>
        <source>{path} — это папка, а не файл базы данных</source>
        <translation>{path} is a folder, not a database file</translation>
    </message>
    <message>
        <source>{path}: файл пуст (0 байт) — это не база данных SalesDesk. Укажите другой файл или удалите этот.</source>
        <translation>{path}: the file is empty (0 bytes) — it is not a SalesDesk database. Choose another file or delete this one.</translation>
    </message>
    <message>
        <source>{path} не является базой данных SQLite</source>
        <translation>{path} is not an SQLite database</translation>
    </message>
    <message>
        <source>{path} — база данных другой программы, не SalesDesk</source>
        <translation>{path} is another program&apos;s database, not SalesDesk&apos;s</translation>
    </message>
    <message>
        <source>{path} — файл SQLite без данных SalesDesk (другой программы или пустой); SalesDesk его не изменяет</source>
        <translation>{path} is an SQLite file without SalesDesk data (another program&apos;s, or empty); SalesDesk leaves it unchanged</translation>
    </message>
    <message>
        <source>{path} создана более новой версией SalesDesk (схема {revision}); обновите программу</source>
        <translation>{path} was created by a newer SalesDesk (schema {revision}); update the program</translation>
    </message>
    <message>
        <source>{path}: не удаётся создать папку ({reason})</source>
        <translation>{path}: cannot create the folder ({reason})</translation>
    </message>
    <message>
        <source>{path}: база данных не найдена</source>
        <translation>{path}: database not found</translation>
    </message>
    <message>
        <source>{path}: файл появился, пока создавалась база; он не тронут</source>
        <translation>{path}: a file appeared while the database was being created; it was left untouched</translation>
    </message>
    <message>
        <source>{path}: на диске нет места. Освободите место и повторите — сохранённые данные не пострадали.</source>
        <translation>{path}: the disk is full. Free some space and try again — the saved data is intact.</translation>
    </message>
    <message>
        <source>{path}: нет прав на запись (файл, папка или диск только для чтения). Перенесите базу в папку, где можно сохранять, или измените права.</source>
        <translation>{path}: no permission to write (the file, folder or disk is read-only). Move the database to a folder where you can save, or change the permissions.</translation>
    </message>
    <message>
        <source>{path}: файл базы данных повреждён ({detail}). Восстановите его из резервной копии: Файл → Резервные копии… или salesdesk restore.</source>
        <translation>{path}: the database file is damaged ({detail}). Restore it from a backup: File → Backups… or salesdesk restore.</translation>
    </message>
    <message>
        <source>{path}: база данных занята другой программой дольше 5 секунд. Повторите, когда она закончит.</source>
        <translation>{path}: the database has been busy in another program for more than 5 seconds. Try again when it has finished.</translation>
    </message>
    <message>
        <source>{path}: не удаётся открыть файл базы данных (нет доступа к файлу или папке)</source>
        <translation>{path}: cannot open the database file (no access to the file or the folder)</translation>
    </message>
    <message>
        <source>{path}: ошибка чтения или записи диска. Проверьте диск и повторите — последнее изменение не сохранено.</source>
        <translation>{path}: disk read or write error. Check the disk and try again — the last change was not saved.</translation>
    </message>
    <message>
        <source>{path}: ошибка чтения или записи диска ({reason})</source>
        <translation>{path}: disk read or write error ({reason})</translation>
    </message>
    <message>
        <source>{program}, процесс {pid} на {host}, с {since}</source>
        <translation>{program}, process {pid} on {host}, since {since}</translation>
    </message>
    <message>
        <source>другая программа</source>
        <translation>another program</translation>
    </message>
    <message>
        <source>База данных {path} открыта в другом процессе SalesDesk ({who}). Закройте его и повторите.</source>
        <translation>The database {path} is open in another SalesDesk process ({who}). Close it and try again.</translation>
    </message>
</context>
<context>
    <name>DealDocuments</name>
    <message>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Действует до</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Шаблон</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Состояние</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>заменено {n}</source>
        <translation>superseded by {n}</translation>
    </message>
    <message>
        <source>актуальное</source>
        <translation>current</translation>
    </message>
    <message>
        <source>Протокол переговоров</source>
        <translation>Negotiation protocol</translation>
    </message>
    <message>
        <source>Спецификация</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>Документ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Основание</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Создать КП…</source>
        <translation>Create quote…</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Новая версия</source>
        <translation>New version</translation>
    </message>
    <message>
        <source>Выпустить КП заново по текущим строкам сделки, с новым номером</source>
        <translation>Reissue the quote from the deal&apos;s current line items, with a new number</translation>
    </message>
    <message>
        <source>Спецификация по КП</source>
        <translation>Specification from offer</translation>
    </message>
    <message>
        <source>Спецификация к договору по выбранному КП, принятому клиентом</source>
        <translation>Contract specification from the selected offer the client accepted</translation>
    </message>
    <message>
        <source>Протокол переговоров…</source>
        <translation>Negotiation protocol…</translation>
    </message>
    <message>
        <source>Протокол встречи: участники, согласованные условия, открытые вопросы и следующие шаги по сделке</source>
        <translation>Minutes of a meeting: participants, agreed terms, open questions and next steps of the deal</translation>
    </message>
    <message>
        <source>Счёт на оплату</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>КП по сделке ещё не выпускались</source>
        <translation>No quotes have been issued for this deal yet</translation>
    </message>
    <message>
        <source>Протоколы и спецификации (двойной щелчок — открыть)</source>
        <translation>Protocols and specifications (double-click to open)</translation>
    </message>
    <message>
        <source>Счёт № {n}</source>
        <translation>Invoice No. {n}</translation>
    </message>
    <message>
        <source>Открыть выставленный счёт</source>
        <translation>Open the issued invoice</translation>
    </message>
    <message>
        <source>Выставить счёт на оплату по выигранной сделке</source>
        <translation>Issue an invoice for the won deal</translation>
    </message>
    <message>
        <source>Документы</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>DealEditor</name>
    <message>
        <source>Новая сделка</source>
        <translation>New deal</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Основное</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Позиции</source>
        <translation>Line items</translation>
    </message>
    <message>
        <source>Возражения</source>
        <translation>Objections</translation>
    </message>
    <message>
        <source>Переговоры и условия</source>
        <translation>Negotiations and terms</translation>
    </message>
    <message>
        <source>История этапов</source>
        <translation>Stage history</translation>
    </message>
    <message>
        <source>Дела</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>не указана</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Клиент *</source>
        <translation>Client *</translation>
    </message>
    <message>
        <source>Контактное лицо</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Название *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Источник</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Начальный этап</source>
        <translation>Initial stage</translation>
    </message>
    <message>
        <source>Ожидаемое закрытие</source>
        <translation>Expected close</translation>
    </message>
    <message>
        <source>Вероятность</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Сумма, ₽</source>
        <translation>Amount, ₽</translation>
    </message>
    <message>
        <source>Заметки</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>+ Из каталога…</source>
        <translation>+ From catalog…</translation>
    </message>
    <message>
        <source>+ Своя строка</source>
        <translation>+ Custom line</translation>
    </message>
    <message>
        <source>+ Новое дело…</source>
        <translation>+ New activity…</translation>
    </message>
    <message>
        <source>Звонок, встреча, презентация, письмо или задача</source>
        <translation>Call, meeting, presentation, email or task</translation>
    </message>
    <message>
        <source>Записать звонок…</source>
        <translation>Log a call…</translation>
    </message>
    <message>
        <source>Завершить…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>Результат и следующий шаг выбранного дела</source>
        <translation>Result and next step of the selected activity</translation>
    </message>
    <message>
        <source>Изменить…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Новая позиция</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>Удалить строку</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <source>Кампания, которая привела сделку (выставка, рассылка…); новая сделка получает кампанию клиента</source>
        <translation>The campaign that brought the deal (trade show, mailing…); a new deal gets the client&apos;s campaign</translation>
    </message>
    <message>
        <source>Кампания</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>После продажи</source>
        <translation>After the sale</translation>
    </message>
    <message>
        <source>Вернуть строку</source>
        <translation>Restore line</translation>
    </message>
    <message>
        <source>Вернуть последнюю удалённую строку (Ctrl+Z)</source>
        <translation>Restore the last removed line (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Позиций нет: «+ Из каталога…» или «+ Своя строка» — сумма сделки посчитается по ним (или укажите её на вкладке «Основное»).</source>
        <translation>No lines: “+ From catalog…” or “+ Custom line” — the deal&apos;s amount is counted from them (or enter it on the “General” tab).</translation>
    </message>
    <message>
        <source>+ Из библиотеки</source>
        <translation>+ From library</translation>
    </message>
    <message>
        <source>+ Новое возражение</source>
        <translation>+ New objection</translation>
    </message>
    <message>
        <source>Возражение</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Библиотека возражений…</source>
        <translation>Objection library…</translation>
    </message>
    <message>
        <source>Возражений пока нет. Запишите, что мешает клиенту решиться: «+ Новое возражение» или «+ Из библиотеки» с готовым ответом.</source>
        <translation>No objections yet. Write down what keeps the client from deciding: «+ New objection», or «+ From library» with a ready answer.</translation>
    </message>
    <message>
        <source>Кто принимает решение, что важно клиенту, о чём договорились</source>
        <translation>Who makes the decision, what matters to the client, what was agreed</translation>
    </message>
    <message>
        <source>Например: 50 % предоплата, 50 % в течение 10 дней после поставки</source>
        <translation>For example: 50% prepayment, 50% within 10 days after delivery</translation>
    </message>
    <message>
        <source>Например: доставка до склада покупателя за 10 рабочих дней</source>
        <translation>For example: delivery to the buyer&apos;s warehouse within 10 business days</translation>
    </message>
    <message>
        <source>Заметки о переговорах</source>
        <translation>Negotiation notes</translation>
    </message>
    <message>
        <source>Условия оплаты (в КП)</source>
        <translation>Payment terms (in quote)</translation>
    </message>
    <message>
        <source>Условия поставки (в КП)</source>
        <translation>Delivery terms (in quote)</translation>
    </message>
    <message>
        <source>По сделке нет дел: запланируйте звонок, встречу или задачу — сделка без следующего шага видна на вкладке «Сегодня».</source>
        <translation>No activities for this deal: plan a call, a meeting or a task — a deal without a next step shows on the “Today” tab.</translation>
    </message>
    <message>
        <source>Сделка: {title}</source>
        <translation>Deal: {title}</translation>
    </message>
    <message>
        <source>Закрыта {day}</source>
        <translation>Closed {day}</translation>
    </message>
    <message>
        <source>раб. дн.</source>
        <translation>work days</translation>
    </message>
    <message>
        <source>дн.</source>
        <translation>days</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{c}&apos;&gt;Застряла в этапе: {n} {u} при норме {limit}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{c}&apos;&gt;Stalled in stage: {n} {u} (limit {limit})&lt;/span&gt;</translation>
    </message>
    <message>
        <source>В этапе {n} {u}</source>
        <translation>In stage: {n} {u}</translation>
    </message>
    <message>
        <source> из {limit}</source>
        <translation> of {limit}</translation>
    </message>
    <message>
        <source>Следующий шаг: {what} — {subject}</source>
        <translation>Next step: {what} — {subject}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{c}&apos;&gt;⚠ Нет следующего шага — запланируйте звонок или встречу&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{c}&apos;&gt;⚠ No next step — schedule a call or meeting&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Возражений не снято: {n}</source>
        <translation>Unresolved objections: {n}</translation>
    </message>
    <message>
        <source>Сделка открыта {day}</source>
        <translation>Deal opened {day}</translation>
    </message>
    <message>
        <source>Заказ по сделке не создан</source>
        <translation>No order has been created for the deal</translation>
    </message>
    <message>
        <source>Создать заказ</source>
        <translation>Create order</translation>
    </message>
    <message>
        <source>заказ № {n}</source>
        <translation>order No. {n}</translation>
    </message>
    <message>
        <source>отгружено {p} %{d}</source>
        <translation>shipped {p}%{d}</translation>
    </message>
    <message>
        <source>, доставлено</source>
        <translation>, delivered</translation>
    </message>
    <message>
        <source>оплачено {paid} из {sum}</source>
        <translation>paid {paid} of {sum}</translation>
    </message>
    <message>
        <source>Сделка завершена: оплачена и доставлена</source>
        <translation>Deal complete: paid and delivered</translation>
    </message>
    <message>
        <source>Открыть заказ</source>
        <translation>Open order</translation>
    </message>
    <message>
        <source>как у этапа ({p} %)</source>
        <translation>same as stage ({p}%)</translation>
    </message>
    <message>
        <source>причина: «{r}»</source>
        <translation>reason: “{r}”</translation>
    </message>
    <message>
        <source>укажите причину уступки</source>
        <translation>specify the reason for the concession</translation>
    </message>
    <message>
        <source>строка {n} «{name}» — {net} за ед. при минимуме {floor}, {state}</source>
        <translation>line {n} “{name}” — {net} per unit with a minimum of {floor}, {state}</translation>
    </message>
    <message>
        <source>Зона уступок: </source>
        <translation>Concession zone: </translation>
    </message>
    <message>
        <source>Итого по позициям: {sum}</source>
        <translation>Line items total: {sum}</translation>
    </message>
    <message>
        <source>Итоговая сумма выигранной сделки: позиции её не меняют.</source>
        <translation>Final amount of the won deal: line items do not change it.</translation>
    </message>
    <message>
        <source>Сумма считается по позициям сделки.</source>
        <translation>The amount is calculated from the deal&apos;s line items.</translation>
    </message>
    <message>
        <source>Нет позиций — сумма вводится вручную.</source>
        <translation>No line items — enter the amount manually.</translation>
    </message>
    <message>
        <source>Библиотека пуста</source>
        <translation>The library is empty</translation>
    </message>
    <message>
        <source>Сделка будет сохранена перед планированием</source>
        <translation>The deal will be saved before scheduling</translation>
    </message>
    <message>
        <source>Сумма — это число, например 125 000,50</source>
        <translation>The amount must be a number, e.g. 125 000.50</translation>
    </message>
    <message>
        <source>Проверьте сделку</source>
        <translation>Check the deal</translation>
    </message>
    <message>
        <source>Сохранить всё равно?</source>
        <translation>Save anyway?</translation>
    </message>
    <message>
        <source>Библиотека возражений</source>
        <translation>Objection library</translation>
    </message>
    <message>
        <source>Ответ</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Новое</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Наименование</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Кол-во</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Ед.</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Цена, ₽</source>
        <translation>Price, ₽</translation>
    </message>
    <message>
        <source>Скидка, %</source>
        <translation>Discount, %</translation>
    </message>
    <message>
        <source>НДС</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Причина уступки</source>
        <translation>Reason for concession</translation>
    </message>
    <message>
        <source>нужна причина…</source>
        <translation>reason required…</translation>
    </message>
    <message>
        <source>Минимальная цена {floor}, сейчас со скидкой {net}</source>
        <translation>Minimum price is {floor}, discounted price is now {net}</translation>
    </message>
    <message>
        <source>Что ответили</source>
        <translation>Our response</translation>
    </message>
    <message>
        <source>Снято</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>да</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Этап</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Вошла</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>Вышла</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Дней в этапе</source>
        <translation>Days in stage</translation>
    </message>
    <message>
        <source>сейчас</source>
        <translation>now</translation>
    </message>
    <message>
        <source>{n} дн.</source>
        <translation>{n} days</translation>
    </message>
</context>
<context>
    <name>Deals</name>
    <message>
        <source>Цена</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Выбрали конкурента</source>
        <translation>Chose a competitor</translation>
    </message>
    <message>
        <source>Нет бюджета</source>
        <translation>No budget</translation>
    </message>
    <message>
        <source>Нет потребности</source>
        <translation>No need</translation>
    </message>
    <message>
        <source>Отложили</source>
        <translation>Postponed</translation>
    </message>
    <message>
        <source>Не выходят на связь</source>
        <translation>Not responding</translation>
    </message>
    <message>
        <source>Другое</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Укажите наименование</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <source>Количество должно быть больше нуля</source>
        <translation>Quantity must be greater than zero</translation>
    </message>
    <message>
        <source>Цена не может быть отрицательной</source>
        <translation>Price cannot be negative</translation>
    </message>
    <message>
        <source>Скидка должна быть от 0 до 100 %</source>
        <translation>Discount must be between 0 and 100%</translation>
    </message>
    <message>
        <source>Неизвестная ставка НДС</source>
        <translation>Unknown VAT rate</translation>
    </message>
    <message>
        <source>Цена со скидкой {net} ниже минимальной {floor}: укажите причину уступки</source>
        <translation>Discounted price {net} is below the minimum {floor}: specify the reason for the concession</translation>
    </message>
    <message>
        <source>Нужна хотя бы одна причина проигрыша</source>
        <translation>At least one loss reason is required</translation>
    </message>
    <message>
        <source>Этапу нужно название</source>
        <translation>The stage needs a name</translation>
    </message>
    <message>
        <source>Этап «{name}» повторяется</source>
        <translation>Stage “{name}” is duplicated</translation>
    </message>
    <message>
        <source>Вероятность должна быть от 0 до 100 %</source>
        <translation>Probability must be between 0 and 100%</translation>
    </message>
    <message>
        <source>Срок зависания — положительное число дней</source>
        <translation>Stall limit must be a positive number of days</translation>
    </message>
    <message>
        <source>Этап не может быть одновременно выигрышем и проигрышем</source>
        <translation>A stage cannot be both won and lost</translation>
    </message>
    <message>
        <source>Нужен ровно один этап «выиграна» и ровно один «проиграна»</source>
        <translation>There must be exactly one “won” stage and exactly one “lost” stage</translation>
    </message>
    <message>
        <source>Нужен хотя бы один рабочий этап</source>
        <translation>At least one working stage is required</translation>
    </message>
    <message>
        <source>Этап «{name}» нельзя удалить: в нём {n} сделок</source>
        <translation>Stage “{name}” cannot be deleted: it contains {n} deals</translation>
    </message>
    <message>
        <source>Сделка не найдена</source>
        <translation>Deal not found</translation>
    </message>
    <message>
        <source>Этап не найден</source>
        <translation>Stage not found</translation>
    </message>
    <message>
        <source>Сделка уже перенесена в другой этап — доска обновлена</source>
        <translation>The deal has already been moved to another stage — the board has been refreshed</translation>
    </message>
    <message>
        <source>Укажите причину проигрыша</source>
        <translation>Specify the loss reason</translation>
    </message>
    <message>
        <source>Такой причины нет в списке</source>
        <translation>This reason is not in the list</translation>
    </message>
    <message>
        <source>Укажите конкурента</source>
        <translation>Specify the competitor</translation>
    </message>
    <message>
        <source>Опишите причину в комментарии</source>
        <translation>Describe the reason in the comment</translation>
    </message>
    <message>
        <source>Укажите дату закрытия</source>
        <translation>Enter the close date</translation>
    </message>
    <message>
        <source>Дата закрытия в будущем</source>
        <translation>The close date is in the future</translation>
    </message>
    <message>
        <source>Укажите итоговую сумму</source>
        <translation>Enter the final amount</translation>
    </message>
    <message>
        <source>Сделка уже перенесена в другой этап — отменить перенос нельзя</source>
        <translation>The deal has moved to another stage since — the move cannot be undone</translation>
    </message>
    <message>
        <source>По сделке уже оформлен заказ — отмените сначала заказ</source>
        <translation>The deal already has an order — cancel the order first</translation>
    </message>
    <message>
        <source>Сумма не может быть отрицательной</source>
        <translation>Amount cannot be negative</translation>
    </message>
    <message>
        <source>Ожидаемая дата закрытия {day} уже прошла</source>
        <translation>The expected close date {day} has already passed</translation>
    </message>
    <message>
        <source>Количество — не больше трёх знаков после запятой</source>
        <translation>Quantity can have at most three decimal places</translation>
    </message>
    <message>
        <source>Цена — с точностью до копейки</source>
        <translation>Price can have at most two decimal places</translation>
    </message>
    <message>
        <source>Скидка — не больше двух знаков после запятой</source>
        <translation>Discount can have at most two decimal places</translation>
    </message>
    <message>
        <source>Сумма строки не может превышать {max}: разбейте её на несколько строк</source>
        <translation>A line cannot exceed {max}: split it into several lines</translation>
    </message>
    <message>
        <source>Выберите клиента</source>
        <translation>Select a client</translation>
    </message>
    <message>
        <source>Укажите название сделки</source>
        <translation>Enter the deal name</translation>
    </message>
    <message>
        <source>Сумма — с точностью до копейки</source>
        <translation>Amount can have at most two decimal places</translation>
    </message>
    <message>
        <source>Строка {n}: {msg}</source>
        <translation>Line {n}: {msg}</translation>
    </message>
    <message>
        <source>Возражение {n}: текст не может быть пустым</source>
        <translation>Objection {n}: text cannot be empty</translation>
    </message>
    <message>
        <source>Клиент не найден</source>
        <translation>Client not found</translation>
    </message>
    <message>
        <source>Кампания не найдена</source>
        <translation>Campaign not found</translation>
    </message>
    <message>
        <source>Контакт не относится к этому клиенту</source>
        <translation>The contact does not belong to this client</translation>
    </message>
    <message>
        <source>Текст возражения пуст</source>
        <translation>The objection text is empty</translation>
    </message>
    <message>
        <source>Такое возражение уже есть в библиотеке</source>
        <translation>This objection is already in the library</translation>
    </message>
    <message>
        <source>Сумма: {amount}, вероятность {p} %</source>
        <translation>Amount: {amount}, probability {p}%</translation>
    </message>
    <message>
        <source>Ожидаемое закрытие: {day}</source>
        <translation>Expected close: {day}</translation>
    </message>
    <message>
        <source>Застряла: {days} дн. при норме {limit}</source>
        <translation>Stalled: {days} days (limit {limit})</translation>
    </message>
    <message>
        <source>Следующий шаг: {what} — {subject}</source>
        <translation>Next step: {what} — {subject}</translation>
    </message>
    <message>
        <source>Двойной щелчок или Enter — открыть, Ctrl+←/→ — сменить этап</source>
        <translation>Double-click or Enter to open, Ctrl+←/→ to change stage</translation>
    </message>
    <message>
        <source>до {day}</source>
        <translation>by {day}</translation>
    </message>
    <message>
        <source>без срока</source>
        <translation>no due date</translation>
    </message>
    <message>
        <source>Нет следующего шага</source>
        <translation>No next step</translation>
    </message>
    <message>
        <source>раб. дн.</source>
        <translation>work days</translation>
    </message>
    <message>
        <source>дн.</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Выиграна</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Застряла: {n} {unit} (норма {limit})</source>
        <translation>Stalled: {n} {unit} (limit {limit})</translation>
    </message>
    <message>
        <source>В этапе с сегодня</source>
        <translation>In stage since today</translation>
    </message>
    <message>
        <source>В этапе {n} {unit}</source>
        <translation>In stage: {n} {unit}</translation>
    </message>
    <message>
        <source>Перетащите сюда сделку</source>
        <translation>Drag a deal here</translation>
    </message>
    <message>
        <source>Нет сделок</source>
        <translation>No deals</translation>
    </message>
    <message>
        <source>Сделок в этапе</source>
        <translation>Deals in stage</translation>
    </message>
    <message>
        <source>Застрявших сделок в этапе</source>
        <translation>Stalled deals in stage</translation>
    </message>
    <message>
        <source>≈ {sum} с учётом {p} %</source>
        <translation>≈ {sum} at {p}%</translation>
    </message>
    <message>
        <source>Взвешенная сумма: каждая сделка × её вероятность</source>
        <translation>Weighted amount: each deal × its probability</translation>
    </message>
    <message>
        <source>выигранные сделки</source>
        <translation>won deals</translation>
    </message>
    <message>
        <source>проигранные сделки</source>
        <translation>lost deals</translation>
    </message>
    <message>
        <source>Сделка проиграна</source>
        <translation>Deal lost</translation>
    </message>
    <message>
        <source>Почему проиграна сделка «{title}»?</source>
        <translation>Why was the deal “{title}” lost?</translation>
    </message>
    <message>
        <source>Что решило дело — пригодится потом</source>
        <translation>What decided it — useful for later</translation>
    </message>
    <message>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Конкурент</source>
        <translation>Competitor</translation>
    </message>
    <message>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Закрыть как проигранную</source>
        <translation>Close as lost</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Выберите из реестра или введите название</source>
        <translation>Choose from the registry or enter a name</translation>
    </message>
    <message>
        <source>Новый конкурент</source>
        <translation>New competitor</translation>
    </message>
    <message>
        <source>Конкурента «{name}» нет в реестре. Добавить его в реестр конкурентов?</source>
        <translation>Competitor “{name}” is not in the registry. Add it to the competitor registry?</translation>
    </message>
    <message>
        <source>Сделка выиграна</source>
        <translation>Deal won</translation>
    </message>
    <message>
        <source>Поздравляем! Уточните итог сделки «{title}».</source>
        <translation>Congratulations! Confirm the outcome of the deal “{title}”.</translation>
    </message>
    <message>
        <source>Дата закрытия</source>
        <translation>Close date</translation>
    </message>
    <message>
        <source>Итоговая сумма, ₽</source>
        <translation>Final amount, ₽</translation>
    </message>
    <message>
        <source>Запланировать звонок после продажи</source>
        <translation>Schedule an after-sale call</translation>
    </message>
    <message>
        <source>Через несколько дней спросить клиента, всё ли его устраивает</source>
        <translation>In a few days, ask the client whether everything is satisfactory</translation>
    </message>
    <message>
        <source>Создать заказ</source>
        <translation>Create order</translation>
    </message>
    <message>
        <source>Заказ с позициями сделки на итоговую сумму: отгрузки, оплаты, счёт</source>
        <translation>An order with the deal&apos;s line items for the final amount: shipments, payments, invoice</translation>
    </message>
    <message>
        <source>Закрыть как выигранную</source>
        <translation>Close as won</translation>
    </message>
    <message>
        <source>Сумма — это число, например 125 000,50</source>
        <translation>The amount must be a number, e.g. 125 000.50</translation>
    </message>
    <message>
        <source>Новый этап</source>
        <translation>New stage</translation>
    </message>
    <message>
        <source>Этап</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Вероятность, %</source>
        <translation>Probability, %</translation>
    </message>
    <message>
        <source>Застревает через, дн.</source>
        <translation>Stalls after, days</translation>
    </message>
    <message>
        <source>Тип</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>выигрыш</source>
        <translation>won</translation>
    </message>
    <message>
        <source>проигрыш</source>
        <translation>lost</translation>
    </message>
    <message>
        <source>рабочий</source>
        <translation>working</translation>
    </message>
    <message>
        <source>Настройка воронки</source>
        <translation>Pipeline settings</translation>
    </message>
    <message>
        <source>Этапы сделки</source>
        <translation>Deal stages</translation>
    </message>
    <message>
        <source>Строка {n}: {message}</source>
        <translation>Row {n}: {message}</translation>
    </message>
    <message>
        <source>+ Этап</source>
        <translation>+ Stage</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>↑ Выше</source>
        <translation>↑ Up</translation>
    </message>
    <message>
        <source>↓ Ниже</source>
        <translation>↓ Down</translation>
    </message>
    <message>
        <source>Считать дни в этапе в рабочих днях (без выходных и праздников РФ)</source>
        <translation>Count days in stage as working days (excluding weekends and Russian public holidays)</translation>
    </message>
    <message>
        <source>Причины проигрыша (по одной в строке)</source>
        <translation>Loss reasons (one per line)</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Прогноз: {month}</source>
        <translation>Forecast: {month}</translation>
    </message>
    <message>
        <source>выиграно {sum}</source>
        <translation>won {sum}</translation>
    </message>
    <message>
        <source>+ взвешенно {sum} по %n сделке|+ взвешенно {sum} по %n сделкам|+ взвешенно {sum} по %n сделкам</source>
        <translation>+ {sum} weighted across %n deal|+ {sum} weighted across %n deals</translation>
    </message>
    <message>
        <source>план {plan} ({share} %)</source>
        <translation>plan {plan} ({share}%)</translation>
    </message>
    <message>
        <source>Ожидается = выиграно + сумма открытых сделок с закрытием в этом месяце, умноженная на их вероятность.</source>
        <translation>Expected = won + open deals closing this month, weighted by their probability.</translation>
    </message>
    <message>
        <source>В том числе {n} сделок с просроченной датой закрытия.</source>
        <translation>Including {n} deals with an overdue close date.</translation>
    </message>
    <message>
        <source>Вся воронка, взвешенно</source>
        <translation>Entire pipeline, weighted</translation>
    </message>
    <message>
        <source>из {sum} в открытых сделках</source>
        <translation>of {sum} in open deals</translation>
    </message>
    <message>
        <source>Воронка продаж</source>
        <translation>Sales pipeline</translation>
    </message>
    <message>
        <source>Поиск по сделке и клиенту  (Ctrl+F)</source>
        <translation>Search deals and clients  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Сначала ближайшие к закрытию</source>
        <translation>Closest to closing first</translation>
    </message>
    <message>
        <source>Сначала крупные</source>
        <translation>Largest first</translation>
    </message>
    <message>
        <source>Сначала по взвешенной сумме</source>
        <translation>Highest weighted amount first</translation>
    </message>
    <message>
        <source>Сначала дольше всех в этапе</source>
        <translation>Longest in stage first</translation>
    </message>
    <message>
        <source>Каталог товаров</source>
        <translation>Product catalog</translation>
    </message>
    <message>
        <source>+ Новая сделка</source>
        <translation>+ New deal</translation>
    </message>
    <message>
        <source>Все клиенты</source>
        <translation>All clients</translation>
    </message>
    <message>
        <source>Сумма от</source>
        <translation>Amount from</translation>
    </message>
    <message>
        <source>до</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Закрытие: любое</source>
        <translation>Close date: any</translation>
    </message>
    <message>
        <source>Закрытие просрочено</source>
        <translation>Close date overdue</translation>
    </message>
    <message>
        <source>Закрытие в этом месяце</source>
        <translation>Closing this month</translation>
    </message>
    <message>
        <source>Закрытие в следующем месяце</source>
        <translation>Closing next month</translation>
    </message>
    <message>
        <source>Закрытие в этом квартале</source>
        <translation>Closing this quarter</translation>
    </message>
    <message>
        <source>Закрытие в ближайшие 30 дней</source>
        <translation>Closing in the next 30 days</translation>
    </message>
    <message>
        <source>Только застрявшие</source>
        <translation>Stalled only</translation>
    </message>
    <message>
        <source>Закрытые сделки</source>
        <translation>Closed deals</translation>
    </message>
    <message>
        <source>Показать выигранные и проигранные</source>
        <translation>Show won and lost</translation>
    </message>
    <message>
        <source>Сбросить</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Все сегменты</source>
        <translation>All segments</translation>
    </message>
    <message>
        <source>Введите сумму числом, например 150 000</source>
        <translation>Enter the amount as a number, e.g. 150 000</translation>
    </message>
    <message>
        <source>в рабочих днях</source>
        <translation>in working days</translation>
    </message>
    <message>
        <source>в календарных днях</source>
        <translation>in calendar days</translation>
    </message>
    <message>
        <source>Открытых сделок на доске: {n} · застряли: {stalled} ({unit}) · без следующего шага: {no_step} · перетащите карточку или Ctrl+←/→, чтобы сменить этап</source>
        <translation>Open deals on the board: {n} · stalled: {stalled} ({unit}) · no next step: {no_step} · drag a card or press Ctrl+←/→ to change its stage</translation>
    </message>
    <message>
        <source>Сделка «{title}» не перенесена в «{stage}»:
{reason}</source>
        <translation>Deal “{title}” was not moved to “{stage}”:
{reason}</translation>
    </message>
    <message>
        <source>перенос «{title}» в «{stage}»</source>
        <translation>move of “{title}” to “{stage}”</translation>
    </message>
    <message>
        <source>Сделка выиграна, но звонок после продажи не запланирован:
{reason}</source>
        <translation>The deal is won, but no after-sale call was scheduled:
{reason}</translation>
    </message>
    <message>
        <source>«{title}» → {stage}</source>
        <translation>“{title}” → {stage}</translation>
    </message>
    <message>
        <source>Открыть сделку…</source>
        <translation>Open deal…</translation>
    </message>
    <message>
        <source>Запланировать дело…</source>
        <translation>Schedule activity…</translation>
    </message>
    <message>
        <source>Записать звонок…</source>
        <translation>Log a call…</translation>
    </message>
    <message>
        <source>Перенести в этап</source>
        <translation>Move to stage</translation>
    </message>
    <message>
        <source>Выиграна…</source>
        <translation>Mark as won…</translation>
    </message>
    <message>
        <source>Проиграна…</source>
        <translation>Mark as lost…</translation>
    </message>
</context>
<context>
    <name>DealsTab</name>
    <message>
        <source>Новая сделка</source>
        <translation>New deal</translation>
    </message>
    <message>
        <source>Поиск по сделкам</source>
        <translation>Search deals</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Сохранить изменения?</source>
        <translation>Save changes?</translation>
    </message>
    <message>
        <source>Если не сохранить, введённое будет потеряно.</source>
        <translation>If you do not save, what you typed will be lost.</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Не сохранять</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ошибка</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Выбрать</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>SalesDesk</source>
        <translation>SalesDesk</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Классический</source>
        <translation>Classic</translation>
    </message>
    <message>
        <source>Современный</source>
        <translation>Modern</translation>
    </message>
    <message>
        <source>{number} от {date}</source>
        <translation>{number} dated {date}</translation>
    </message>
    <message>
        <source>{title} · {date}</source>
        <translation>{title} · {date}</translation>
    </message>
    <message>
        <source>ИНН {v}</source>
        <translation>INN {v}</translation>
    </message>
    <message>
        <source>КПП {v}</source>
        <translation>KPP {v}</translation>
    </message>
    <message>
        <source>ОГРН {v}</source>
        <translation>OGRN {v}</translation>
    </message>
    <message>
        <source>ОГРНИП {v}</source>
        <translation>OGRNIP {v}</translation>
    </message>
    <message>
        <source>Наша компания</source>
        <translation>Our company</translation>
    </message>
    <message>
        <source>подпись</source>
        <translation>signature</translation>
    </message>
    <message>
        <source>Страница {n} из {m}</source>
        <translation>Page {n} of {m}</translation>
    </message>
    <message>
        <source>Сводка по клиенту для передачи</source>
        <translation>Client handover summary</translation>
    </message>
    <message>
        <source>Передача клиента: {name}</source>
        <translation>Client handover: {name}</translation>
    </message>
    <message>
        <source>в архиве</source>
        <translation>archived</translation>
    </message>
    <message>
        <source>Сводка по клиенту для передачи коллеге</source>
        <translation>Client summary for handover to a colleague</translation>
    </message>
    <message>
        <source>Реквизиты</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Полное наименование</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>ИНН / КПП</source>
        <translation>INN / KPP</translation>
    </message>
    <message>
        <source>Юридический адрес</source>
        <translation>Legal address</translation>
    </message>
    <message>
        <source>Почтовый адрес</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <source>Телефон, e-mail</source>
        <translation>Phone, email</translation>
    </message>
    <message>
        <source>Банк</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>БИК</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Корр. счёт</source>
        <translation>Correspondent account</translation>
    </message>
    <message>
        <source>Расчётный счёт</source>
        <translation>Settlement account</translation>
    </message>
    <message>
        <source>Классификация</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Отрасль</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Регион</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Метки</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Источник</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Уровень лояльности</source>
        <translation>Loyalty level</translation>
    </message>
    <message>
        <source>Ответственный</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>В базе с</source>
        <translation>In database since</translation>
    </message>
    <message>
        <source>Контактные лица</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Телефоны</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>День рождения</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Контактные лица не указаны.</source>
        <translation>No contact persons specified.</translation>
    </message>
    <message>
        <source>Открытые сделки</source>
        <translation>Open deals</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Этап</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Вероятность</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Закрытие</source>
        <translation>Close date</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Открытых сделок нет.</source>
        <translation>No open deals.</translation>
    </message>
    <message>
        <source>Запланированные дела</source>
        <translation>Scheduled activities</translation>
    </message>
    <message>
        <source>Последние контакты</source>
        <translation>Recent contacts</translation>
    </message>
    <message>
        <source>Примечания</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Передал</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <source>Принял</source>
        <translation>Accepted by</translation>
    </message>
    <message>
        <source>Нет запланированных дел.</source>
        <translation>No scheduled activities.</translation>
    </message>
    <message>
        <source>Выполненных дел с клиентом ещё не было.</source>
        <translation>No activities with this client have been completed yet.</translation>
    </message>
    <message>
        <source>Срок</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Тип</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Дело</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Контакт</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Итог и следующий шаг</source>
        <translation>Outcome and next step</translation>
    </message>
    <message>
        <source>выручка за всё время</source>
        <translation>lifetime revenue</translation>
    </message>
    <message>
        <source>заказов</source>
        <translation>orders</translation>
    </message>
    <message>
        <source>последняя покупка</source>
        <translation>last purchase</translation>
    </message>
    <message>
        <source>открытых сделок</source>
        <translation>open deals</translation>
    </message>
    <message>
        <source>в открытых сделках</source>
        <translation>in open deals</translation>
    </message>
    <message>
        <source>января</source>
        <translation>January</translation>
    </message>
    <message>
        <source>февраля</source>
        <translation>February</translation>
    </message>
    <message>
        <source>марта</source>
        <translation>March</translation>
    </message>
    <message>
        <source>апреля</source>
        <translation>April</translation>
    </message>
    <message>
        <source>мая</source>
        <translation>May</translation>
    </message>
    <message>
        <source>июня</source>
        <translation>June</translation>
    </message>
    <message>
        <source>июля</source>
        <translation>July</translation>
    </message>
    <message>
        <source>августа</source>
        <translation>August</translation>
    </message>
    <message>
        <source>сентября</source>
        <translation>September</translation>
    </message>
    <message>
        <source>октября</source>
        <translation>October</translation>
    </message>
    <message>
        <source>ноября</source>
        <translation>November</translation>
    </message>
    <message>
        <source>декабря</source>
        <translation>December</translation>
    </message>
    <message>
        <source>{d} {m} {y} г.</source>
        <translation>{m} {d}, {y}</translation>
    </message>
    <message>
        <source>тел.: {v}</source>
        <translation>tel.: {v}</translation>
    </message>
    <message>
        <source>Счёт на оплату № {n}</source>
        <translation>Invoice No. {n}</translation>
    </message>
    <message>
        <source>Счёт № {n}</source>
        <translation>Invoice No. {n}</translation>
    </message>
    <message>
        <source>Банк получателя</source>
        <translation>Beneficiary&apos;s bank</translation>
    </message>
    <message>
        <source>Сч. №</source>
        <translation>Acct. No.</translation>
    </message>
    <message>
        <source>Получатель</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <source>Внимание! Оплата данного счёта означает согласие с условиями поставки товара. Товар отпускается по факту прихода денег на р/с Поставщика.</source>
        <translation>Attention! Payment of this invoice constitutes acceptance of the terms of delivery. Goods are released once the payment is received in the Supplier&apos;s settlement account.</translation>
    </message>
    <message>
        <source>Счёт на оплату № {n} от {d}</source>
        <translation>Invoice No. {n} dated {d}</translation>
    </message>
    <message>
        <source>Поставщик (Исполнитель):</source>
        <translation>Supplier (Contractor):</translation>
    </message>
    <message>
        <source>Покупатель (Заказчик):</source>
        <translation>Buyer (Customer):</translation>
    </message>
    <message>
        <source>Основание:</source>
        <translation>Reference:</translation>
    </message>
    <message>
        <source>Товары (работы, услуги)</source>
        <translation>Goods (works, services)</translation>
    </message>
    <message>
        <source>Кол-во</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Ед.</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Цена</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Цена без НДС</source>
        <translation>Price excl. VAT</translation>
    </message>
    <message>
        <source>Скидка</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>НДС</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Сумма без НДС</source>
        <translation>Amount excl. VAT</translation>
    </message>
    <message>
        <source>Итого:</source>
        <translation>Total:</translation>
    </message>
    <message>
        <source>В том числе НДС {rate}:</source>
        <translation>Including VAT {rate}:</translation>
    </message>
    <message>
        <source>НДС {rate}:</source>
        <translation>VAT {rate}:</translation>
    </message>
    <message>
        <source>Без налога (НДС):</source>
        <translation>No VAT:</translation>
    </message>
    <message>
        <source>Всего к оплате:</source>
        <translation>Total payable:</translation>
    </message>
    <message>
        <source>Всего наименований {n}, на сумму {s} руб.</source>
        <translation>Total items: {n}, amounting to {s} RUB</translation>
    </message>
    <message>
        <source>Оплатить не позднее {d}</source>
        <translation>Pay no later than {d}</translation>
    </message>
    <message>
        <source>Руководитель</source>
        <translation>Director</translation>
    </message>
    <message>
        <source>Бухгалтер</source>
        <translation>Accountant</translation>
    </message>
    <message>
        <source>Оплата по QR-коду: наведите камеру в приложении банка — реквизиты и сумма заполнятся сами</source>
        <translation>Pay by QR code: scan it in your bank&apos;s app — the details and the amount fill in by themselves</translation>
    </message>
    <message>
        <source>Уважаемая {name}!</source>
        <translation>Dear {name},</translation>
    </message>
    <message>
        <source>Уважаемый {name}!</source>
        <translation>Dear {name},</translation>
    </message>
    <message>
        <source>Добрый день, {name}!</source>
        <translation>Hello {name},</translation>
    </message>
    <message>
        <source>Добрый день!</source>
        <translation>Hello,</translation>
    </message>
    <message>
        <source>Спасибо за интерес к нашему предложению. Мы подобрали решение под вашу задачу: ниже — состав поставки, цены с учётом согласованных скидок и условия работы. Будем рады ответить на вопросы и подготовить договор.</source>
        <translation>Thank you for your interest in our offer. We have put together a solution for your needs: below are the scope of supply, prices including the agreed discounts, and the terms. We will be glad to answer any questions and prepare a contract.</translation>
    </message>
    <message>
        <source>Благодарим вас за проявленный интерес к нашей компании. Предлагаем рассмотреть поставку на следующих условиях. Цены указаны с учётом согласованных скидок; предложение действительно до указанной даты.</source>
        <translation>Thank you for your interest in our company. We offer the following supply on the terms below. Prices include the agreed discounts; the offer is valid until the date indicated.</translation>
    </message>
    <message>
        <source>Коммерческое предложение № {n}</source>
        <translation>Commercial Offer No. {n}</translation>
    </message>
    <message>
        <source>Срок поставки: {v}</source>
        <translation>Lead time: {v}</translation>
    </message>
    <message>
        <source>Гарантия: {v}</source>
        <translation>Warranty: {v}</translation>
    </message>
    <message>
        <source>Цена с НДС, ₽</source>
        <translation>Price incl. VAT, ₽</translation>
    </message>
    <message>
        <source>Цена без НДС, ₽</source>
        <translation>Price excl. VAT, ₽</translation>
    </message>
    <message>
        <source>Сумма с НДС, ₽</source>
        <translation>Amount incl. VAT, ₽</translation>
    </message>
    <message>
        <source>Сумма без НДС, ₽</source>
        <translation>Amount excl. VAT, ₽</translation>
    </message>
    <message>
        <source>Фото</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Наименование</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Позиции не указаны</source>
        <translation>No items specified</translation>
    </message>
    <message>
        <source>Всего наименований {n}, на сумму {sum} руб.</source>
        <translation>Total items: {n}, amounting to {sum} RUB</translation>
    </message>
    <message>
        <source>Условия оплаты</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <source>по согласованию</source>
        <translation>by agreement</translation>
    </message>
    <message>
        <source>Условия поставки</source>
        <translation>Delivery terms</translation>
    </message>
    <message>
        <source>Срок действия</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>до {date}</source>
        <translation>until {date}</translation>
    </message>
    <message>
        <source>Менеджер по продажам</source>
        <translation>Sales manager</translation>
    </message>
    <message>
        <source>Ваш менеджер: {name}, {reach}</source>
        <translation>Your manager: {name}, {reach}</translation>
    </message>
    <message>
        <source>Банковские реквизиты: {v}</source>
        <translation>Bank details: {v}</translation>
    </message>
    <message>
        <source>р/с {v}</source>
        <translation>account {v}</translation>
    </message>
    <message>
        <source> в {bank}</source>
        <translation> at {bank}</translation>
    </message>
    <message>
        <source>БИК {v}</source>
        <translation>BIC {v}</translation>
    </message>
    <message>
        <source>к/с {v}</source>
        <translation>corr. account {v}</translation>
    </message>
    <message>
        <source>от {d} · действительно до {v}</source>
        <translation>dated {d} · valid until {v}</translation>
    </message>
    <message>
        <source>Кому</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Контактное лицо</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>&lt;b&gt;Предмет предложения:&lt;/b&gt; {t}</source>
        <translation>&lt;b&gt;Subject of the offer:&lt;/b&gt; {t}</translation>
    </message>
    <message>
        <source>Условия</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>Коммерческое предложение</source>
        <translation>Commercial offer</translation>
    </message>
    <message>
        <source>№ {n} от {d} · действует до {v}</source>
        <translation>No. {n} dated {d} · valid until {v}</translation>
    </message>
    <message>
        <source>Поставщик</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Покупатель</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>ИТОГО К ОПЛАТЕ</source>
        <translation>TOTAL PAYABLE</translation>
    </message>
    <message>
        <source>Сделка не найдена</source>
        <translation>Deal not found</translation>
    </message>
    <message>
        <source>{name}, менеджер по продажам</source>
        <translation>{name}, sales manager</translation>
    </message>
    <message>
        <source>руководитель</source>
        <translation>director</translation>
    </message>
    <message>
        <source>Участников с нашей стороны — не больше {n}</source>
        <translation>At most {n} participants from our side</translation>
    </message>
    <message>
        <source>Участник — не длиннее {n} знаков</source>
        <translation>A participant is at most {n} characters</translation>
    </message>
    <message>
        <source>Место встречи — не длиннее {n} знаков</source>
        <translation>The meeting place is at most {n} characters</translation>
    </message>
    <message>
        <source>Контакт № {id} — не контакт клиента сделки</source>
        <translation>Contact No. {id} is not a contact of the deal&apos;s client</translation>
    </message>
    <message>
        <source>Участников со стороны клиента — не больше {n}</source>
        <translation>At most {n} participants from the client</translation>
    </message>
    <message>
        <source>Протокол переговоров № {n}</source>
        <translation>Negotiation Protocol No. {n}</translation>
    </message>
    <message>
        <source>Со стороны {side}</source>
        <translation>On behalf of {side}</translation>
    </message>
    <message>
        <source>без скидки</source>
        <translation>no discount</translation>
    </message>
    <message>
        <source>{pct} % — {sum} руб.</source>
        <translation>{pct} % — {sum} RUB</translation>
    </message>
    <message>
        <source>Предмет</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>{sum} руб. ({vat})</source>
        <translation>{sum} RUB ({vat})</translation>
    </message>
    <message>
        <source>Открытых вопросов нет.</source>
        <translation>No open questions.</translation>
    </message>
    <message>
        <source>Наш ответ: {a}</source>
        <translation>Our answer: {a}</translation>
    </message>
    <message>
        <source>Следующие шаги не запланированы.</source>
        <translation>No next steps planned.</translation>
    </message>
    <message>
        <source>Что сделать</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>без срока</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>{kind}: {subject}</source>
        <translation>{kind}: {subject}</translation>
    </message>
    <message>
        <source>Представитель</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>Подписи сторон</source>
        <translation>Signatures of the parties</translation>
    </message>
    <message>
        <source>&lt;b&gt;От {side}:&lt;/b&gt;</source>
        <translation>&lt;b&gt;For {side}:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>по сделке «{t}»</source>
        <translation>on the deal &quot;{t}&quot;</translation>
    </message>
    <message>
        <source>Дата встречи</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>Место</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Участники</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Согласованные условия</source>
        <translation>Agreed terms</translation>
    </message>
    <message>
        <source>Открытые вопросы</source>
        <translation>Open questions</translation>
    </message>
    <message>
        <source>Следующие шаги</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>КП не найдено</source>
        <translation>Quote not found</translation>
    </message>
    <message>
        <source>Счёт выставляется либо по сделке, либо по заказу</source>
        <translation>An invoice is issued either for a deal or for an order</translation>
    </message>
    <message>
        <source>Заказ не найден</source>
        <translation>Order not found</translation>
    </message>
    <message>
        <source>Счёт выставляется по выигранной сделке или по заказу</source>
        <translation>An invoice is issued for a won deal or for an order</translation>
    </message>
    <message>
        <source>Спецификация составляется либо по заказу, либо по КП</source>
        <translation>A specification is made either from an order or from an offer</translation>
    </message>
    <message>
        <source>Документы выбираются либо по сделке, либо по заказу</source>
        <translation>Documents are listed either by deal or by order</translation>
    </message>
    <message>
        <source>Договор № {n}</source>
        <translation>Contract No. {n}</translation>
    </message>
    <message>
        <source>{contract} от {d}</source>
        <translation>{contract} dated {d}</translation>
    </message>
    <message>
        <source>{contract}; {order}</source>
        <translation>{contract}; {order}</translation>
    </message>
    <message>
        <source>Коммерческое предложение № {n} от {d}</source>
        <translation>Commercial offer No. {n} of {d}</translation>
    </message>
    <message>
        <source>Тема КП — не длиннее {n} знаков</source>
        <translation>An offer&apos;s subject is at most {n} characters</translation>
    </message>
    <message>
        <source>НДС рассчитан по ставке на дату КП ({old} %). С {day} ставка НДС — {new} %: счёт с этой даты будет рассчитан по новой ставке.</source>
        <translation>VAT is at the rate of the offer&apos;s date ({old} %). From {day} the VAT rate is {new} %: an invoice from that day is at the new rate.</translation>
    </message>
    <message>
        <source>Оплата по заказу № {n}</source>
        <translation>Payment for order No. {n}</translation>
    </message>
    <message>
        <source>шт</source>
        <translation>pcs</translation>
    </message>
    <message>
        <source>В шрифте документа нет символов {chars}: в PDF они будут напечатаны как «{r}».</source>
        <translation>The document font has no glyphs for {chars}: the PDF prints them as &quot;{r}&quot;.</translation>
    </message>
    <message>
        <source>Заказ № {n} от {d}</source>
        <translation>Order No. {n} dated {d}</translation>
    </message>
    <message>
        <source>Неизвестный шаблон КП: {t}</source>
        <translation>Unknown quote template: {t}</translation>
    </message>
    <message>
        <source>Срок действия КП — от 1 до 365 дней</source>
        <translation>Quote validity must be from 1 to 365 days</translation>
    </message>
    <message>
        <source>Предыдущая версия КП не найдена</source>
        <translation>Previous quote version not found</translation>
    </message>
    <message>
        <source>Без НДС</source>
        <translation>No VAT</translation>
    </message>
    <message>
        <source>{rate} %</source>
        <translation>{rate}%</translation>
    </message>
    <message>
        <source>в т.ч. НДС {rate}:</source>
        <translation>incl. VAT {rate}:</translation>
    </message>
    <message>
        <source>Сумма без НДС:</source>
        <translation>Amount excl. VAT:</translation>
    </message>
    <message>
        <source>Итого без НДС:</source>
        <translation>Total excl. VAT:</translation>
    </message>
    <message>
        <source>в т.ч. НДС {rate} — {sum} руб.</source>
        <translation>incl. VAT {rate}: {sum} RUB</translation>
    </message>
    <message>
        <source>Оплата по счёту № {n} от {d}</source>
        <translation>Payment of invoice No. {n} of {d}</translation>
    </message>
    <message>
        <source>НДС не облагается</source>
        <translation>Not subject to VAT</translation>
    </message>
    <message>
        <source>НДС {rate} — {vat} руб.</source>
        <translation>VAT {rate} — {vat} RUB</translation>
    </message>
    <message>
        <source>в т.ч. {parts}</source>
        <translation>incl. {parts}</translation>
    </message>
    <message>
        <source>Отчёт о стажёре</source>
        <translation>Trainee report</translation>
    </message>
    <message>
        <source>Адаптация стажёра: {name}</source>
        <translation>Trainee onboarding: {name}</translation>
    </message>
    <message>
        <source>Отчёт о прохождении адаптации</source>
        <translation>Onboarding progress report</translation>
    </message>
    <message>
        <source>Начало стажировки</source>
        <translation>Internship start</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Контакты</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Наставник</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Дата отчёта</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>Чек-лист адаптации</source>
        <translation>Onboarding checklist</translation>
    </message>
    <message>
        <source>Чек-лист стажёру не назначен.</source>
        <translation>No checklist has been assigned to the trainee.</translation>
    </message>
    <message>
        <source>Оценка навыков</source>
        <translation>Skill assessment</translation>
    </message>
    <message>
        <source>Оценок пока нет.</source>
        <translation>No assessments yet.</translation>
    </message>
    <message>
        <source>Сопровождение на встречах</source>
        <translation>Accompanied meetings</translation>
    </message>
    <message>
        <source>Совместных встреч с клиентами пока не было.</source>
        <translation>No joint client meetings yet.</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Тема</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Отзыв наставника</source>
        <translation>Mentor&apos;s feedback</translation>
    </message>
    <message>
        <source>Заключение наставника</source>
        <translation>Mentor&apos;s conclusion</translation>
    </message>
    <message>
        <source>Заключение ещё не написано.</source>
        <translation>The conclusion has not been written yet.</translation>
    </message>
    <message>
        <source>чек-листа выполнено</source>
        <translation>of checklist completed</translation>
    </message>
    <message>
        <source>пунктов готово</source>
        <translation>items done</translation>
    </message>
    <message>
        <source>пунктов просрочено</source>
        <translation>items overdue</translation>
    </message>
    <message>
        <source>встреч с наставником</source>
        <translation>meetings with mentor</translation>
    </message>
    <message>
        <source>средняя оценка навыков</source>
        <translation>average skill rating</translation>
    </message>
    <message>
        <source>Раздел</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Прогресс</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Просрочено</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Пункт</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Выполнено</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Комментарий наставника</source>
        <translation>Mentor&apos;s comment</translation>
    </message>
    <message>
        <source>Навык</source>
        <translation>Skill</translation>
    </message>
    <message>
        <source>Первая</source>
        <translation>First</translation>
    </message>
    <message>
        <source>Последняя</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>Рост</source>
        <translation>Growth</translation>
    </message>
    <message>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>балл</source>
        <translation>score</translation>
    </message>
    <message>
        <source>Оценка на {d}</source>
        <translation>Assessment of {d}</translation>
    </message>
    <message>
        <source>минус </source>
        <translation>minus </translation>
    </message>
    <message>
        <source>Готовим документ…</source>
        <translation>Preparing the document…</translation>
    </message>
    <message>
        <source>Счёт {n} {buyer}</source>
        <translation>Invoice {n} {buyer}</translation>
    </message>
    <message>
        <source>Акт сверки взаимных расчётов</source>
        <translation>Reconciliation Statement of Mutual Settlements</translation>
    </message>
    <message>
        <source>Акт сверки: {name}, {a} — {b}</source>
        <translation>Reconciliation statement: {name}, {a} — {b}</translation>
    </message>
    <message>
        <source>Акт сверки</source>
        <translation>Reconciliation Statement</translation>
    </message>
    <message>
        <source>взаимных расчётов за период: {a} — {b}</source>
        <translation>of mutual settlements for the period: {a} — {b}</translation>
    </message>
    <message>
        <source>между {ours} и {theirs}</source>
        <translation>between {ours} and {theirs}</translation>
    </message>
    <message>
        <source>Мы, нижеподписавшиеся, {title} {ours} {name}, с одной стороны, и {blank} {theirs} {blank}, с другой стороны, составили настоящий акт сверки в том, что состояние взаимных расчётов по данным учёта следующее:</source>
        <translation>We, the undersigned, {title} of {ours}, {name}, on the one hand, and {blank} of {theirs}, {blank}, on the other hand, have drawn up this reconciliation statement confirming that, according to the accounting records, the state of mutual settlements is as follows:</translation>
    </message>
    <message>
        <source>По данным {ours}</source>
        <translation>According to {ours}</translation>
    </message>
    <message>
        <source>на {d} задолженность отсутствует.</source>
        <translation>as of {d}, there is no outstanding balance.</translation>
    </message>
    <message>
        <source>на {d} задолженность в пользу &lt;b&gt;{who}&lt;/b&gt; {s} руб. ({w}).</source>
        <translation>as of {d}, the balance is in favor of &lt;b&gt;{who}&lt;/b&gt;: {s} RUB ({w}).</translation>
    </message>
    <message>
        <source>Документ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Дебет</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Кредит</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>По данным {p}, руб.</source>
        <translation>According to {p}, RUB</translation>
    </message>
    <message>
        <source>Сальдо начальное</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <source>Обороты за период</source>
        <translation>Turnover for the period</translation>
    </message>
    <message>
        <source>Сальдо конечное</source>
        <translation>Closing balance</translation>
    </message>
    <message>
        <source>От {p}</source>
        <translation>For {p}</translation>
    </message>
    <message>
        <source>М.П.</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>Документ не найден</source>
        <translation>Document not found</translation>
    </message>
    <message>
        <source>предоплата {pct} %</source>
        <translation>prepayment {pct} %</translation>
    </message>
    <message>
        <source>отсрочка платежа {n} дн.</source>
        <translation>payment deferred {n} days</translation>
    </message>
    <message>
        <source>оплата до {d}</source>
        <translation>payment by {d}</translation>
    </message>
    <message>
        <source>отгрузка до {d}</source>
        <translation>shipment by {d}</translation>
    </message>
    <message>
        <source>адрес доставки: {a}</source>
        <translation>delivery address: {a}</translation>
    </message>
    <message>
        <source>Заказ № {n} отменён: спецификация к нему не составляется</source>
        <translation>Order No. {n} is cancelled: no specification is made for it</translation>
    </message>
    <message>
        <source>В заказе № {n} нет позиций: спецификацию не из чего составить</source>
        <translation>Order No. {n} has no lines: there is nothing to specify</translation>
    </message>
    <message>
        <source>КП № {n} заменено версией № {m}: спецификация — по действующей</source>
        <translation>Offer No. {n} was replaced by version No. {m}: make the specification from the current one</translation>
    </message>
    <message>
        <source>КП № {n} не принято: сделка не выиграна</source>
        <translation>Offer No. {n} is not accepted: the deal is not won</translation>
    </message>
    <message>
        <source>В КП № {n} нет позиций: спецификацию не из чего составить</source>
        <translation>Offer No. {n} has no lines: there is nothing to specify</translation>
    </message>
    <message>
        <source>Спецификация № {n}</source>
        <translation>Specification No. {n}</translation>
    </message>
    <message>
        <source>Приложение № {a} к договору № {n}</source>
        <translation>Annex No. {a} to contract No. {n}</translation>
    </message>
    <message>
        <source>{text} от {d}</source>
        <translation>{text} dated {d}</translation>
    </message>
    <message>
        <source>Сумма НДС</source>
        <translation>VAT amount</translation>
    </message>
    <message>
        <source>от {d}</source>
        <translation>dated {d}</translation>
    </message>
    <message>
        <source>Поставщик:</source>
        <translation>Supplier:</translation>
    </message>
    <message>
        <source>Покупатель:</source>
        <translation>Buyer:</translation>
    </message>
    <message>
        <source>Стороны согласовали поставку следующих товаров (работ, услуг):</source>
        <translation>The parties have agreed on the supply of the following goods (works, services):</translation>
    </message>
    <message>
        <source>по договору</source>
        <translation>under the contract</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Качество</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Сервис</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Цена</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Доставка</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Документы</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Другое</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Новая</source>
        <translation>New</translation>
    </message>
    <message>
        <source>В работе</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Решена</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Отклонена</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>NPS (0–10)</source>
        <translation>NPS (0–10)</translation>
    </message>
    <message>
        <source>CSAT (1–5)</source>
        <translation>CSAT (1–5)</translation>
    </message>
    <message>
        <source>Промоутеры</source>
        <translation>Promoters</translation>
    </message>
    <message>
        <source>Нейтральные</source>
        <translation>Passives</translation>
    </message>
    <message>
        <source>Критики</source>
        <translation>Detractors</translation>
    </message>
    <message>
        <source>Причина не указана</source>
        <translation>No reason given</translation>
    </message>
    <message>
        <source>{d} · {c} · {s}: {text}</source>
        <translation>{d} · {c} · {s}: {text}</translation>
    </message>
    <message>
        <source>Рекламация не найдена</source>
        <translation>Complaint not found</translation>
    </message>
    <message>
        <source>Сделка не найдена</source>
        <translation>Deal not found</translation>
    </message>
    <message>
        <source>Это сделка другого клиента</source>
        <translation>This deal belongs to another client</translation>
    </message>
    <message>
        <source>Заказ не найден</source>
        <translation>Order not found</translation>
    </message>
    <message>
        <source>Это заказ другого клиента</source>
        <translation>This order belongs to another client</translation>
    </message>
    <message>
        <source>Отгрузка не найдена</source>
        <translation>Shipment not found</translation>
    </message>
    <message>
        <source>Это отгрузка другого клиента</source>
        <translation>This shipment belongs to another client</translation>
    </message>
    <message>
        <source>Эта отгрузка другого заказа</source>
        <translation>This shipment belongs to another order</translation>
    </message>
    <message>
        <source>Выберите клиента</source>
        <translation>Select a client</translation>
    </message>
    <message>
        <source>Клиент не найден</source>
        <translation>Client not found</translation>
    </message>
    <message>
        <source>Стоимость — это число, например 1 500,00</source>
        <translation>The cost must be a number, e.g. 1 500,00</translation>
    </message>
    <message>
        <source>Стоимость не может быть отрицательной</source>
        <translation>The cost cannot be negative</translation>
    </message>
    <message>
        <source>Не больше двух знаков после запятой (копейки)</source>
        <translation>At most two decimal places (kopeks)</translation>
    </message>
    <message>
        <source>Слишком большая сумма</source>
        <translation>The amount is too large</translation>
    </message>
    <message>
        <source>Выберите категорию рекламации</source>
        <translation>Select a complaint category</translation>
    </message>
    <message>
        <source>Неизвестный статус рекламации</source>
        <translation>Unknown complaint status</translation>
    </message>
    <message>
        <source>Опишите, на что жалуется клиент</source>
        <translation>Describe what the client is complaining about</translation>
    </message>
    <message>
        <source>Срок не может быть раньше даты рекламации ({d})</source>
        <translation>The due date cannot be earlier than the complaint date ({d})</translation>
    </message>
    <message>
        <source>Опишите, как решили рекламацию</source>
        <translation>Describe how the complaint was resolved</translation>
    </message>
    <message>
        <source>Укажите, почему рекламация отклонена</source>
        <translation>Specify why the complaint was rejected</translation>
    </message>
    <message>
        <source>Отгрузка {d} по заказу {n}</source>
        <translation>Shipment of {d} for order {n}</translation>
    </message>
    <message>
        <source>Заказ {n}</source>
        <translation>Order {n}</translation>
    </message>
    <message>
        <source>{n} от {d}</source>
        <translation>{n} dated {d}</translation>
    </message>
    <message>
        <source>Рекламация закрыта: откройте её снова, чтобы добавить задачу</source>
        <translation>The complaint is closed: reopen it to add a task</translation>
    </message>
    <message>
        <source>Это дело не задача по рекламации</source>
        <translation>This activity is not a complaint task</translation>
    </message>
    <message>
        <source>Задача по рекламации выполнена</source>
        <translation>Complaint task completed</translation>
    </message>
    <message>
        <source>Выберите вид оценки: NPS или CSAT</source>
        <translation>Select the score type: NPS or CSAT</translation>
    </message>
    <message>
        <source>Укажите оценку</source>
        <translation>Enter the score</translation>
    </message>
    <message>
        <source>NPS — от 0 до 10, а не {n}</source>
        <translation>NPS must be from 0 to 10, not {n}</translation>
    </message>
    <message>
        <source>CSAT — от 1 до 5, а не {n}</source>
        <translation>CSAT must be from 1 to 5, not {n}</translation>
    </message>
    <message>
        <source>Оценка не найдена</source>
        <translation>Score not found</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Добро пожаловать в SalesDesk</source>
        <translation>Welcome to SalesDesk</translation>
    </message>
    <message>
        <source>Ваша компания</source>
        <translation>Your company</translation>
    </message>
    <message>
        <source>Эти реквизиты появятся в КП, счетах и протоколах. ИНН, КПП и ОГРН проверяются; остальное можно дополнить позже в Правка → Реквизиты компании.</source>
        <translation>These details will appear on quotes, invoices and protocols. INN, KPP and OGRN are validated; the rest can be completed later in Edit → Company details.</translation>
    </message>
    <message>
        <source>Банк и документы</source>
        <translation>Bank and documents</translation>
    </message>
    <message>
        <source>Банк для счетов, ставка НДС по умолчанию, язык документов и логотип в шапке КП.</source>
        <translation>Bank for invoices, default VAT rate, document language and the logo in the quote header.</translation>
    </message>
    <message>
        <source>НДС по умолчанию</source>
        <translation>Default VAT</translation>
    </message>
    <message>
        <source>Цены включают НДС</source>
        <translation>Prices include VAT</translation>
    </message>
    <message>
        <source>Язык КП и счетов новых клиентов; у каждого клиента его можно изменить в карточке</source>
        <translation>Language of quotes and invoices for new clients; it can be changed for each client in the client card</translation>
    </message>
    <message>
        <source>Язык документов</source>
        <translation>Document language</translation>
    </message>
    <message>
        <source>Назад</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Далее</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Позже</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Закрыть мастер, ничего не сохраняя; он откроется при следующем запуске или из меню Справка</source>
        <translation>Close the wizard without saving anything; it will open on the next launch or from the Help menu</translation>
    </message>
    <message>
        <source>Выбрать…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Убрать</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>С чего начнём?</source>
        <translation>Where shall we start?</translation>
    </message>
    <message>
        <source>Загрузить моих клиентов из Excel или CSV</source>
        <translation>Load my clients from Excel or CSV</translation>
    </message>
    <message>
        <source>Откроется импорт клиентов: столбцы файла сопоставляются с полями карточки.</source>
        <translation>Client import will open: the file&apos;s columns are mapped to the card fields.</translation>
    </message>
    <message>
        <source>Начать с демонстрационных данных</source>
        <translation>Start with demo data</translation>
    </message>
    <message>
        <source>300 вымышленных клиентов, сделки, заказы и план — чтобы посмотреть программу в деле. Подходит только для пустой базы.</source>
        <translation>300 fictional clients, deals, orders and a plan — to see the program in action. Only for an empty database.</translation>
    </message>
    <message>
        <source>Начать с пустой базы</source>
        <translation>Start with an empty database</translation>
    </message>
    <message>
        <source>Клиентов и сделки можно добавить в любой момент (Ctrl+N на вкладке).</source>
        <translation>Clients and deals can be added at any time (Ctrl+N on the tab).</translation>
    </message>
    <message>
        <source>В базе уже есть клиенты: демонстрационные данные не добавляются</source>
        <translation>The database already has clients: demo data is not added</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Шаг {n} из {total}</source>
        <translation>Step {n} of {total}</translation>
    </message>
    <message>
        <source>Логотип</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Изображения (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>нет</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Проверьте поля, отмеченные красным ({n}). Введённое сохранено в форме.</source>
        <translation>Check the fields marked red ({n}). What you typed is kept in the form.</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Клиенты</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Контактные лица</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <source>Сделки</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Коммерческие предложения</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <source>Счета</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <source>Заказы</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Товары</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>ИНН {inn}</source>
        <translation>INN {inn}</translation>
    </message>
    <message>
        <source>в архиве</source>
        <translation>archived</translation>
    </message>
    <message>
        <source>заказ {n}</source>
        <translation>order {n}</translation>
    </message>
    <message>
        <source>Поиск по всей базе</source>
        <translation>Search the whole database</translation>
    </message>
    <message>
        <source>Клиент, контакт, телефон, e-mail, сделка, номер КП, счёта или заказа, товар…</source>
        <translation>Client, contact, phone, e-mail, deal, quote, invoice or order number, product…</translation>
    </message>
    <message>
        <source>↑ ↓ — выбрать, Enter — открыть, Esc — закрыть</source>
        <translation>↑ ↓ — select, Enter — open, Esc — close</translation>
    </message>
    <message>
        <source>Ничего не найдено</source>
        <translation>Nothing found</translation>
    </message>
</context>
<context>
    <name>Location</name>
    <message>
        <source>папке синхронизации {service}</source>
        <translation>the {service} sync folder</translation>
    </message>
    <message>
        <source>сетевом диске ({fs})</source>
        <translation>a network drive ({fs})</translation>
    </message>
</context>
<context>
    <name>LossesReport</name>
    <message>
        <source>Потери и рекламации</source>
        <translation>Losses and complaints</translation>
    </message>
    <message>
        <source>Проиграно сделок: {n}</source>
        <translation>Deals lost: {n}</translation>
    </message>
    <message>
        <source>Ушло клиентов</source>
        <translation>Clients churned</translation>
    </message>
    <message>
        <source>Рекламаций (просрочено {n})</source>
        <translation>Complaints (overdue: {n})</translation>
    </message>
    <message>
        <source>NPS, ответов: {n}</source>
        <translation>NPS, responses: {n}</translation>
    </message>
    <message>
        <source>Проигранные сделки</source>
        <translation>Lost deals</translation>
    </message>
    <message>
        <source>За период проигранных сделок нет</source>
        <translation>No deals were lost in the period</translation>
    </message>
    <message>
        <source>По причинам</source>
        <translation>By reason</translation>
    </message>
    <message>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Сделок</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Доля</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Не указана</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>На каких этапах теряем</source>
        <translation>At which stages we lose</translation>
    </message>
    <message>
        <source>Сделки, ушедшие с этапа в проигранные (входы в этап за период)</source>
        <translation>Deals that went from a stage to lost (stage entries in the period)</translation>
    </message>
    <message>
        <source>Этап</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Потеряно сделок</source>
        <translation>Deals lost</translation>
    </message>
    <message>
        <source>Кому проигрываем</source>
        <translation>Who we lose to</translation>
    </message>
    <message>
        <source>Конкурент</source>
        <translation>Competitor</translation>
    </message>
    <message>
        <source>Конкуренты в проигранных сделках не указаны</source>
        <translation>No competitors are specified in lost deals</translation>
    </message>
    <message>
        <source>Ушедшие клиенты</source>
        <translation>Churned clients</translation>
    </message>
    <message>
        <source>Клиенты, получившие статус «Потерян» или «Ушёл» в периоде</source>
        <translation>Clients who got the “Lost” or “Churned” status in the period</translation>
    </message>
    <message>
        <source>За период клиенты не уходили</source>
        <translation>No clients left in the period</translation>
    </message>
    <message>
        <source>Причина ухода</source>
        <translation>Churn reason</translation>
    </message>
    <message>
        <source>Клиентов</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Ушли к конкуренту</source>
        <translation>Left for a competitor</translation>
    </message>
    <message>
        <source>Рекламации</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>За период рекламаций не было</source>
        <translation>There were no complaints in the period</translation>
    </message>
    <message>
        <source>Категория</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Рекламаций</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Стоимость решения</source>
        <translation>Resolution cost</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Просрочено на {d}: {n}</source>
        <translation>Overdue as of {d}: {n}</translation>
    </message>
    <message>
        <source>Удовлетворённость (NPS)</source>
        <translation>Satisfaction (NPS)</translation>
    </message>
    <message>
        <source>За период оценок нет</source>
        <translation>No scores in the period</translation>
    </message>
    <message>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Ответов</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>Промоутеры (9–10)</source>
        <translation>Promoters (9–10)</translation>
    </message>
    <message>
        <source>Нейтральные (7–8)</source>
        <translation>Passives (7–8)</translation>
    </message>
    <message>
        <source>Критики (0–6)</source>
        <translation>Detractors (0–6)</translation>
    </message>
    <message>
        <source>NPS = промоутеры − критики</source>
        <translation>NPS = promoters − detractors</translation>
    </message>
    <message>
        <source>CSAT: средняя {v} из 5, ответов {n}</source>
        <translation>CSAT: average {v} out of 5, {n} responses</translation>
    </message>
    <message>
        <source>NPS по месяцам</source>
        <translation>NPS by month</translation>
    </message>
    <message>
        <source>Месяц</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Промоутеры</source>
        <translation>Promoters</translation>
    </message>
    <message>
        <source>Критики</source>
        <translation>Detractors</translation>
    </message>
    <message>
        <source>Доля промоутеров и критиков, %</source>
        <translation>Share of promoters and detractors, %</translation>
    </message>
    <message>
        <source>Критики и их последняя рекламация</source>
        <translation>Detractors and their latest complaint</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Оценка</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Последняя рекламация</source>
        <translation>Latest complaint</translation>
    </message>
    <message>
        <source>не было</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Критиков за период нет</source>
        <translation>No detractors in the period</translation>
    </message>
</context>
<context>
    <name>Mailing</name>
    <message>
        <source>Сегмента «{s}» нет ни у одного клиента</source>
        <translation>No client has the segment “{s}”</translation>
    </message>
    <message>
        <source>Файл рассылки — .csv или .vcf: {name}</source>
        <translation>The mailing file must be .csv or .vcf: {name}</translation>
    </message>
    <message>
        <source>Не удалось записать {path}: {e}</source>
        <translation>Could not write {path}: {e}</translation>
    </message>
    <message>
        <source>Фамилия</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Имя</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Отчество</source>
        <translation>Middle name</translation>
    </message>
    <message>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Обращение</source>
        <translation>Salutation</translation>
    </message>
    <message>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Компания</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Выгружен %n контакт|Выгружено %n контакта|Выгружено %n контактов</source>
        <translation>Exported %n contact|Exported %n contacts</translation>
    </message>
    <message>
        <source>в {name}.</source>
        <translation>to {name}.</translation>
    </message>
    <message>
        <source>без согласия на рассылку — {n}</source>
        <translation>no mailing consent — {n}</translation>
    </message>
    <message>
        <source>без e-mail — {n}</source>
        <translation>no email — {n}</translation>
    </message>
    <message>
        <source>повтор адреса — {n}</source>
        <translation>duplicate address — {n}</translation>
    </message>
    <message>
        <source>Не вошли: {parts}.</source>
        <translation>Not included: {parts}.</translation>
    </message>
    <message>
        <source>Экспорт рассылки</source>
        <translation>Export mailing list</translation>
    </message>
    <message>
        <source>Контактные лица клиентов (кроме архивных) с e-mail. Попадут только давшие согласие на рассылку (отметка в карточке контакта).</source>
        <translation>Client contact persons (except archived clients) with an email. Only those who gave mailing consent (checked on the contact card) are included.</translation>
    </message>
    <message>
        <source>все сегменты</source>
        <translation>all segments</translation>
    </message>
    <message>
        <source>Клиенты</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>%n клиент по фильтру списка|%n клиента по фильтру списка|%n клиентов по фильтру списка</source>
        <translation>%n client matching the list filter|%n clients matching the list filter</translation>
    </message>
    <message>
        <source>CSV для сервиса рассылок</source>
        <translation>CSV for a mailing service</translation>
    </message>
    <message>
        <source>vCard (адресная книга)</source>
        <translation>vCard (address book)</translation>
    </message>
    <message>
        <source>Формат</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Выгрузить…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>рассылка</source>
        <translation>mailing</translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Сохранить рассылку</source>
        <translation>Save mailing list</translation>
    </message>
    <message>
        <source>Выгружаем рассылку…</source>
        <translation>Exporting the mailing list…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Сделки</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>SalesDesk — {name}</source>
        <translation>SalesDesk — {name}</translation>
    </message>
    <message>
        <source>База данных: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>Не удалось отменить или повторить:
{reason}</source>
        <translation>Could not undo or redo:
{reason}</translation>
    </message>
    <message>
        <source>&amp;Файл</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Создать резервную копию</source>
        <translation>Create backup</translation>
    </message>
    <message>
        <source>Резервные копии…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <source>Отчёт для совещания…</source>
        <translation>Meeting report…</translation>
    </message>
    <message>
        <source>Экспорт календаря (.ics)…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <source>Импорт календаря (.ics)…</source>
        <translation>Import calendar (.ics)…</translation>
    </message>
    <message>
        <source>Выход</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>&amp;Правка</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Отменить</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Повторить</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Найти везде…</source>
        <translation>Search everywhere…</translation>
    </message>
    <message>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Новое дело…</source>
        <translation>New activity…</translation>
    </message>
    <message>
        <source>Реквизиты компании…</source>
        <translation>Company details…</translation>
    </message>
    <message>
        <source>Ритм работы с клиентами…</source>
        <translation>Client call cadence…</translation>
    </message>
    <message>
        <source>&amp;Вид</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Сворачивать в трей</source>
        <translation>Minimize to tray</translation>
    </message>
    <message>
        <source>Системный трей недоступен в этом окружении</source>
        <translation>The system tray is not available in this environment</translation>
    </message>
    <message>
        <source>Язык интерфейса</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>&amp;Справка</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Горячие клавиши…</source>
        <translation>Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>Мастер первого запуска…</source>
        <translation>First-run wizard…</translation>
    </message>
    <message>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Заполняем демонстрационные данные…</source>
        <translation>Filling in demo data…</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Резервная копия не создана: {e}</source>
        <translation>Backup not created: {e}</translation>
    </message>
    <message>
        <source>Резервная копия сохранена: {path}</source>
        <translation>Backup saved: {path}</translation>
    </message>
    <message>
        <source>Создаю резервную копию…</source>
        <translation>Creating a backup…</translation>
    </message>
    <message>
        <source>Оформление</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Как в системе</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Светлое</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Тёмное</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Язык интерфейса сменится при следующем запуске программы.</source>
        <translation>The interface language will change the next time you start the program.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SalesDesk {version}&lt;/h3&gt;&lt;p&gt;Рабочий день менеджера по продажам в одном окне: клиенты, сделки, план, документы и наставничество — без интернета.&lt;/p&gt;&lt;p&gt;База данных: {path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SalesDesk {version}&lt;/h3&gt;&lt;p&gt;A sales manager&apos;s workday in one window: clients, deals, plan, documents and mentoring — no internet required.&lt;/p&gt;&lt;p&gt;Database: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Наставничество</source>
        <translation>Mentoring</translation>
    </message>
    <message>
        <source>Сегодня</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Календарь</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Клиенты</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>План</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Рынок</source>
        <translation>Market</translation>
    </message>
    <message>
        <source>Заказы</source>
        <translation>Orders</translation>
    </message>
</context>
<context>
    <name>Market</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Ниже наших</source>
        <translation>Below ours</translation>
    </message>
    <message>
        <source>Как у нас</source>
        <translation>Same as ours</translation>
    </message>
    <message>
        <source>Выше наших</source>
        <translation>Above ours</translation>
    </message>
    <message>
        <source>Премиум</source>
        <translation>Premium</translation>
    </message>
    <message>
        <source>Прайс-лист</source>
        <translation>Price list</translation>
    </message>
    <message>
        <source>Протокол тендера</source>
        <translation>Tender protocol</translation>
    </message>
    <message>
        <source>Со слов клиента</source>
        <translation>From the client</translation>
    </message>
    <message>
        <source>Сайт</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Другое</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Артикул</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Цена</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Дата цены</source>
        <translation>Price date</translation>
    </message>
    <message>
        <source>Примечание</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Укажите название конкурента</source>
        <translation>Enter the competitor&apos;s name</translation>
    </message>
    <message>
        <source>Не длиннее {n} знаков</source>
        <translation>At most {n} characters</translation>
    </message>
    <message>
        <source>Доля рынка — от 0 до 100 %</source>
        <translation>Market share must be from 0 to 100 %</translation>
    </message>
    <message>
        <source>Доля рынка — не больше двух знаков после запятой</source>
        <translation>Market share can have at most two decimal places</translation>
    </message>
    <message>
        <source>Неизвестный уровень цен</source>
        <translation>Unknown price level</translation>
    </message>
    <message>
        <source>Такого товара нет в каталоге</source>
        <translation>This product is not in the catalog</translation>
    </message>
    <message>
        <source>Цена — это число, например 1 250,50</source>
        <translation>Price must be a number, e.g. 1 250,50</translation>
    </message>
    <message>
        <source>Цена не может быть отрицательной</source>
        <translation>Price cannot be negative</translation>
    </message>
    <message>
        <source>Цена — с точностью до копейки</source>
        <translation>Price can have at most two decimal places</translation>
    </message>
    <message>
        <source>Неизвестный источник цены</source>
        <translation>Unknown price source</translation>
    </message>
    <message>
        <source>{q} кв. {y}</source>
        <translation>Q{q} {y}</translation>
    </message>
    <message>
        <source>Конкурент не найден</source>
        <translation>Competitor not found</translation>
    </message>
    <message>
        <source>Конкурент «{name}» уже есть в реестре</source>
        <translation>Competitor “{name}” is already in the register</translation>
    </message>
    <message>
        <source>База отказалась сохранить конкурента: {e}</source>
        <translation>The database refused to save the competitor: {e}</translation>
    </message>
    <message>
        <source>Эта цена уже удалена</source>
        <translation>This price has already been deleted</translation>
    </message>
    <message>
        <source>Цена этого товара на эту дату уже есть в строке {row}</source>
        <translation>A price for this product on this date is already in row {row}</translation>
    </message>
    <message>
        <source>Цена не найдена</source>
        <translation>Price not found</translation>
    </message>
    <message>
        <source>Цена этого товара на эту дату уже записана</source>
        <translation>A price for this product on this date is already recorded</translation>
    </message>
    <message>
        <source>Укажите, в какой колонке цена</source>
        <translation>Specify which column holds the price</translation>
    </message>
    <message>
        <source>Укажите колонку с артикулом или наименованием</source>
        <translation>Specify the column with the SKU or name</translation>
    </message>
    <message>
        <source>цена «{v}» — не число</source>
        <translation>price “{v}” is not a number</translation>
    </message>
    <message>
        <source>нет цены</source>
        <translation>no price</translation>
    </message>
    <message>
        <source>цена не может быть отрицательной</source>
        <translation>price cannot be negative</translation>
    </message>
    <message>
        <source>цена — с точностью до копейки</source>
        <translation>price can have at most two decimal places</translation>
    </message>
    <message>
        <source>дата «{v}» не читается (ДД.ММ.ГГГГ)</source>
        <translation>date “{v}” cannot be read (DD.MM.YYYY)</translation>
    </message>
    <message>
        <source>в каталоге несколько товаров с таким названием — укажите артикул</source>
        <translation>several catalog products have this name — specify the SKU</translation>
    </message>
    <message>
        <source>товар не найден в каталоге ни по артикулу, ни по названию</source>
        <translation>product not found in the catalog by SKU or by name</translation>
    </message>
    <message>
        <source>этот товар на эту дату уже был в строке {n}</source>
        <translation>this product on this date was already in row {n}</translation>
    </message>
    <message>
        <source>Не записан</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Товар</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Источник</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Цена конкурента</source>
        <translation>Competitor&apos;s price</translation>
    </message>
    <message>
        <source>Артикул или название товара из каталога</source>
        <translation>SKU or name of a catalog product</translation>
    </message>
    <message>
        <source>например, № тендера или кто сказал</source>
        <translation>e.g. tender no. or who said it</translation>
    </message>
    <message>
        <source>Товар *</source>
        <translation>Product *</translation>
    </message>
    <message>
        <source>Цена, ₽ *</source>
        <translation>Price, ₽ *</translation>
    </message>
    <message>
        <source>Дата *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Выберите товар из каталога</source>
        <translation>Choose a product from the catalog</translation>
    </message>
    <message>
        <source>В чём они сильны: ассортимент, цены, склад, сервис…</source>
        <translation>What they are strong at: range, prices, stock, service…</translation>
    </message>
    <message>
        <source>Где они слабы</source>
        <translation>Where they are weak</translation>
    </message>
    <message>
        <source>Возможности</source>
        <translation>Opportunities</translation>
    </message>
    <message>
        <source>Угрозы</source>
        <translation>Threats</translation>
    </message>
    <message>
        <source>Сильные стороны</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>Слабые стороны</source>
        <translation>Weaknesses</translation>
    </message>
    <message>
        <source>Новый конкурент</source>
        <translation>New competitor</translation>
    </message>
    <message>
        <source>10 цифр (ИП — 12), необязательно</source>
        <translation>10 digits (sole proprietor — 12), optional</translation>
    </message>
    <message>
        <source>через запятую: Розница, Ключевые</source>
        <translation>comma-separated: Retail, Key accounts</translation>
    </message>
    <message>
        <source>оценка, %</source>
        <translation>estimate, %</translation>
    </message>
    <message>
        <source>не оценён</source>
        <translation>not rated</translation>
    </message>
    <message>
        <source>Название *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <source>Сегменты</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Доля рынка, %</source>
        <translation>Market share, %</translation>
    </message>
    <message>
        <source>Уровень цен</source>
        <translation>Price level</translation>
    </message>
    <message>
        <source>Заметки</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Карточка</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>SWOT</source>
        <translation>SWOT</translation>
    </message>
    <message>
        <source>Цен пока нет. Добавьте цену конкурента на товар из каталога — со страницы прайса, из тендерного протокола или со слов клиента.</source>
        <translation>No prices yet. Add a competitor&apos;s price for a catalog product — from their price list, a tender protocol or the client&apos;s word.</translation>
    </message>
    <message>
        <source>Цена {n}: {m}</source>
        <translation>Price {n}: {m}</translation>
    </message>
    <message>
        <source>Добавить цену</source>
        <translation>Add price</translation>
    </message>
    <message>
        <source>Изменить</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Цены</source>
        <translation>Prices</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Доля рынка — это число от 0 до 100</source>
        <translation>Market share is a number from 0 to 100</translation>
    </message>
    <message>
        <source>Цены ({n})</source>
        <translation>Prices ({n})</translation>
    </message>
    <message>
        <source>В каталоге нет товаров — сравнивать цены не с чем. Добавьте товары в каталог (вкладка «Сделки» → «Каталог»).</source>
        <translation>The catalog has no products, so there is nothing to compare prices with. Add products to the catalog (the “Deals” tab → “Catalog”).</translation>
    </message>
    <message>
        <source>Импорт прайса: {name}</source>
        <translation>Price list import: {name}</translation>
    </message>
    <message>
        <source>Прайс конкурента: CSV (в том числе из Excel) или XLSX</source>
        <translation>Competitor&apos;s price list: CSV (including from Excel) or XLSX</translation>
    </message>
    <message>
        <source>Первая строка — заголовки. Строки сопоставляются с нашим каталогом по артикулу, а если его нет — по наименованию.</source>
        <translation>The first row contains the headers. Rows are matched to our catalog by SKU, or by name if there is no SKU.</translation>
    </message>
    <message>
        <source>Отчёт о проверке</source>
        <translation>Validation report</translation>
    </message>
    <message>
        <source>Нажмите «Проверить»: отчёт покажет, какие строки найдены в каталоге, а какие — нет и почему.</source>
        <translation>Click “Check”: the report will show which rows were found in the catalog, which were not, and why.</translation>
    </message>
    <message>
        <source>Дата цен для строк, где в файле нет колонки с датой</source>
        <translation>Price date for rows where the file has no date column</translation>
    </message>
    <message>
        <source>Пропустить строки, не найденные в каталоге (они будут в отчёте)</source>
        <translation>Skip rows not found in the catalog (they will be listed in the report)</translation>
    </message>
    <message>
        <source>Без этой отметки при любой ненайденной строке не загрузится ничего</source>
        <translation>Without this option, nothing is imported if any row is not found</translation>
    </message>
    <message>
        <source>Дата цен</source>
        <translation>Price date</translation>
    </message>
    <message>
        <source>Проверить</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Загрузить</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Прайс конкурента</source>
        <translation>Competitor&apos;s price list</translation>
    </message>
    <message>
        <source>Таблицы (*.csv *.xlsx *.txt);;Все файлы (*)</source>
        <translation>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Читаем файл…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>{desc} · строк с данными: {n}</source>
        <translation>{desc} · data rows: {n}</translation>
    </message>
    <message>
        <source>Укажите колонку с ценой и колонку с артикулом или наименованием.</source>
        <translation>Specify the price column and the SKU or name column.</translation>
    </message>
    <message>
        <source>Проверяем…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Загружаем…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Проверка: новых цен {i}, обновится {u}, не найдено в каталоге {m}, с ошибками {x}</source>
        <translation>Check: {i} new prices, {u} to update, {m} not found in the catalog, {x} with errors</translation>
    </message>
    <message>
        <source>Готово: загружено {i}, обновлено {u}, пропущено (нет в каталоге) {m}</source>
        <translation>Done: {i} imported, {u} updated, {m} skipped (not in the catalog)</translation>
    </message>
    <message>
        <source>Ничего не загружено: не найдено в каталоге {m}, с ошибками {x}</source>
        <translation>Nothing imported: {m} not found in the catalog, {x} with errors</translation>
    </message>
    <message>
        <source>Пока в файле есть ошибки или ненайденные строки, не загрузится ничего. Исправьте файл, добавьте товары в каталог или отметьте «Пропустить строки, не найденные в каталоге».</source>
        <translation>While the file has errors or rows not found, nothing will be imported. Fix the file, add the products to the catalog or check “Skip rows not found in the catalog”.</translation>
    </message>
    <message>
        <source>Строка {line} ({label}): {msg}</source>
        <translation>Line {line} ({label}): {msg}</translation>
    </message>
    <message>
        <source>… и ещё %n строка с ошибками|… и ещё %n строки с ошибками|… и ещё %n строк с ошибками</source>
        <translation>… and %n more row with errors|… and %n more rows with errors</translation>
    </message>
    <message>
        <source>… и ещё %n ненайденная строка|… и ещё %n ненайденные строки|… и ещё %n ненайденных строк</source>
        <translation>… and %n more row not found|… and %n more rows not found</translation>
    </message>
    <message>
        <source>Ошибок нет: все строки найдены в каталоге.</source>
        <translation>No errors: all rows were found in the catalog.</translation>
    </message>
    <message>
        <source>Конкурент</source>
        <translation>Competitor</translation>
    </message>
    <message>
        <source>Доля</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Проигрыши</source>
        <translation>Losses</translation>
    </message>
    <message>
        <source>Сделок, проигранных им за всё время</source>
        <translation>Deals lost to them, all time</translation>
    </message>
    <message>
        <source>Цене больше {n} дней — стоит уточнить</source>
        <translation>The price is older than {n} days — worth checking</translation>
    </message>
    <message>
        <source>Наша цена</source>
        <translation>Our price</translation>
    </message>
    <message>
        <source>Их цена</source>
        <translation>Their price</translation>
    </message>
    <message>
        <source>Разница</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Мы дороже</source>
        <translation>We are more expensive</translation>
    </message>
    <message>
        <source> · устарела</source>
        <translation> · outdated</translation>
    </message>
    <message>
        <source>Квартал</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Сделок</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Этап перед проигрышем</source>
        <translation>Stage before loss</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Закрыта</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Этап</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>не указано</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Реестр конкурентов</source>
        <translation>Competitor register</translation>
    </message>
    <message>
        <source>Конкурентов пока нет. Добавьте первого кнопкой «Новый конкурент» — или он появится, когда сделку проиграют конкуренту.</source>
        <translation>No competitors yet. Add the first one with “New competitor” — or one will appear when a deal is lost to a competitor.</translation>
    </message>
    <message>
        <source>Импорт прайса…</source>
        <translation>Import price list…</translation>
    </message>
    <message>
        <source>Загрузить цены конкурента из CSV или Excel: по артикулу или названию</source>
        <translation>Import competitor prices from CSV or Excel: by SKU or name</translation>
    </message>
    <message>
        <source>Все конкуренты</source>
        <translation>All competitors</translation>
    </message>
    <message>
        <source>Сравнение цен</source>
        <translation>Price comparison</translation>
    </message>
    <message>
        <source>Период</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Нет проигранных сделок</source>
        <translation>No lost deals</translation>
    </message>
    <message>
        <source>За период этому конкуренту не проиграна ни одна сделка.</source>
        <translation>No deals were lost to this competitor in the period.</translation>
    </message>
    <message>
        <source>Проигранные сделки</source>
        <translation>Lost deals</translation>
    </message>
    <message>
        <source>Наш SWOT — чтобы сравнивать себя с конкурентами; попадает в отчёт «Рынок и конкуренты».</source>
        <translation>Our SWOT — to compare ourselves with competitors; included in the “Market and competitors” report.</translation>
    </message>
    <message>
        <source>Сохранить наш SWOT</source>
        <translation>Save our SWOT</translation>
    </message>
    <message>
        <source>Наш SWOT</source>
        <translation>Our SWOT</translation>
    </message>
    <message>
        <source>Конкурент не выбран</source>
        <translation>No competitor selected</translation>
    </message>
    <message>
        <source>Выберите конкурента в реестре слева или добавьте нового.</source>
        <translation>Select a competitor in the register on the left or add a new one.</translation>
    </message>
    <message>
        <source>ИНН {v}</source>
        <translation>INN {v}</translation>
    </message>
    <message>
        <source>сегменты: {v}</source>
        <translation>segments: {v}</translation>
    </message>
    <message>
        <source>доля рынка {v}</source>
        <translation>market share {v}</translation>
    </message>
    <message>
        <source>цены: {v}</source>
        <translation>prices: {v}</translation>
    </message>
    <message>
        <source>%n цена записана|%n цены записаны|%n цен записано</source>
        <translation>%n price recorded|%n prices recorded</translation>
    </message>
    <message>
        <source>Цен конкурентов пока нет.</source>
        <translation>No competitor prices yet.</translation>
    </message>
    <message>
        <source>Цен этого конкурента пока нет. Добавьте их в карточке конкурента (вкладка «Цены») или загрузите прайс кнопкой «Импорт прайса…».</source>
        <translation>No prices from this competitor yet. Add them on the competitor card (the “Prices” tab) or import a price list with “Import price list…”.</translation>
    </message>
    <message>
        <source>Выберите конкурента</source>
        <translation>Select a competitor</translation>
    </message>
    <message>
        <source>Товаров: {n} · мы дороже: {d} · устаревших цен (старше {days} дн.): {s}</source>
        <translation>Products: {n} · we are more expensive: {d} · outdated prices (older than {days} days): {s}</translation>
    </message>
    <message>
        <source>Проигранных сделок нет</source>
        <translation>No lost deals</translation>
    </message>
    <message>
        <source>{n} на сумму {a}</source>
        <translation>{n} totalling {a}</translation>
    </message>
    <message>
        <source>Проиграна %n сделка|Проиграно %n сделки|Проиграно %n сделок</source>
        <translation>%n deal lost|%n deals lost</translation>
    </message>
    <message>
        <source>Удалить конкурента «{name}» вместе с его ценами?</source>
        <translation>Delete competitor “{name}” together with its prices?</translation>
    </message>
    <message>
        <source>%n проигранная ему сделка останется без конкурента.|%n проигранные ему сделки останутся без конкурента.|%n проигранных ему сделок останутся без конкурента.</source>
        <translation>%n deal lost to them will be left without a competitor.|%n deals lost to them will be left without a competitor.</translation>
    </message>
    <message>
        <source>Удалить конкурента</source>
        <translation>Delete competitor</translation>
    </message>
    <message>
        <source>Конкуренты</source>
        <translation>Competitors</translation>
    </message>
    <message>
        <source>Кампании</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Рекламации</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Удовлетворённость</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Отчёт…</source>
        <translation>Report…</translation>
    </message>
    <message>
        <source>Отчёт в PDF: рынок и конкуренты, потери и рекламации, кампании</source>
        <translation>PDF report: market and competitors, losses and complaints, campaigns</translation>
    </message>
</context>
<context>
    <name>MarketReport</name>
    <message>
        <source>Рынок и конкуренты</source>
        <translation>Market and competitors</translation>
    </message>
    <message>
        <source>Конкурентов в реестре</source>
        <translation>Competitors in the register</translation>
    </message>
    <message>
        <source>Сделок проиграно конкурентам</source>
        <translation>Deals lost to competitors</translation>
    </message>
    <message>
        <source>На сумму</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Товаров, где мы дороже</source>
        <translation>Products where we are more expensive</translation>
    </message>
    <message>
        <source>Проигрыши конкурентам: {p}</source>
        <translation>Losses to competitors: {p}</translation>
    </message>
    <message>
        <source>За период ни одна сделка не проиграна конкуренту</source>
        <translation>No deals were lost to a competitor in the period</translation>
    </message>
    <message>
        <source>Конкурент</source>
        <translation>Competitor</translation>
    </message>
    <message>
        <source>Сделок</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>По кварталам: сумма в рублях (сделок)</source>
        <translation>By quarter: amount in rubles (deals)</translation>
    </message>
    <message>
        <source>На каком этапе проигрываем</source>
        <translation>At which stage we lose</translation>
    </message>
    <message>
        <source>Этап перед проигрышем</source>
        <translation>Stage before loss</translation>
    </message>
    <message>
        <source>Наши цены и цены конкурентов</source>
        <translation>Our prices and competitors&apos; prices</translation>
    </message>
    <message>
        <source>Цены конкурентов не записаны</source>
        <translation>No competitor prices recorded</translation>
    </message>
    <message>
        <source>Последняя известная цена конкурента на {d}; разница — их цена против нашей. Красным — где мы дороже; «устарела» — цене больше 90 дней.</source>
        <translation>The competitor&apos;s last known price as of {d}; the difference is their price versus ours. In red — where we are more expensive; “outdated” — the price is older than 90 days.</translation>
    </message>
    <message>
        <source>устарела</source>
        <translation>outdated</translation>
    </message>
    <message>
        <source>Товар</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Артикул</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Наша цена</source>
        <translation>Our price</translation>
    </message>
    <message>
        <source>Их цена</source>
        <translation>Their price</translation>
    </message>
    <message>
        <source>Разница</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Источник</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>SWOT: мы и конкуренты</source>
        <translation>SWOT: us and competitors</translation>
    </message>
    <message>
        <source>Наша компания</source>
        <translation>Our company</translation>
    </message>
    <message>
        <source>Реестр конкурентов пуст</source>
        <translation>The competitor register is empty</translation>
    </message>
    <message>
        <source>ИНН {v}</source>
        <translation>INN {v}</translation>
    </message>
    <message>
        <source>сегменты: {v}</source>
        <translation>segments: {v}</translation>
    </message>
    <message>
        <source>доля рынка {v}</source>
        <translation>market share {v}</translation>
    </message>
    <message>
        <source>цены: {v}</source>
        <translation>prices: {v}</translation>
    </message>
    <message>
        <source>Карточка не заполнена</source>
        <translation>The card is not filled in</translation>
    </message>
    <message>
        <source>не указано</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Сильные стороны</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>Слабые стороны</source>
        <translation>Weaknesses</translation>
    </message>
    <message>
        <source>Возможности</source>
        <translation>Opportunities</translation>
    </message>
    <message>
        <source>Угрозы</source>
        <translation>Threats</translation>
    </message>
</context>
<context>
    <name>Mentoring</name>
    <message>
        <source>Презентация</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <source>Выявление потребностей</source>
        <translation>Needs discovery</translation>
    </message>
    <message>
        <source>Работа с возражениями</source>
        <translation>Objection handling</translation>
    </message>
    <message>
        <source>Завершение сделки</source>
        <translation>Closing the deal</translation>
    </message>
    <message>
        <source>Дисциплина в CRM</source>
        <translation>CRM discipline</translation>
    </message>
    <message>
        <source>Знание продукта</source>
        <translation>Product knowledge</translation>
    </message>
    <message>
        <source>Адаптация</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <source>Завершил адаптацию</source>
        <translation>Completed onboarding</translation>
    </message>
    <message>
        <source>Ушёл</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Курс</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Книга</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>Тренинг</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Конференция</source>
        <translation>Conference</translation>
    </message>
    <message>
        <source>Вебинар</source>
        <translation>Webinar</translation>
    </message>
    <message>
        <source>Опыт коллег</source>
        <translation>Peer experience</translation>
    </message>
    <message>
        <source>Запланировано</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>В процессе</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Завершено</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Брошено</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>{q} кв. {y}</source>
        <translation>Q{q} {y}</translation>
    </message>
    <message>
        <source>В шаблоне нет ни одного пункта</source>
        <translation>The template has no items</translation>
    </message>
    <message>
        <source>Строка {n}: укажите раздел</source>
        <translation>Row {n}: specify the section</translation>
    </message>
    <message>
        <source>Строка {n}: пустой пункт — введите его название</source>
        <translation>Row {n}: empty item — enter its name</translation>
    </message>
    <message>
        <source>Строка {n}: срок должен быть целым числом дней</source>
        <translation>Row {n}: the due period must be a whole number of days</translation>
    </message>
    <message>
        <source>Строка {n}: срок не может быть отрицательным (дней от начала стажировки)</source>
        <translation>Row {n}: the due period cannot be negative (days from the start of the internship)</translation>
    </message>
    <message>
        <source>Строка {n}: срок больше {max} дней</source>
        <translation>Row {n}: the due period exceeds {max} days</translation>
    </message>
    <message>
        <source>Оценка должна быть от 1 до 5</source>
        <translation>The rating must be from 1 to 5</translation>
    </message>
    <message>
        <source>Стажёр не найден</source>
        <translation>Trainee not found</translation>
    </message>
    <message>
        <source>Введите имя стажёра</source>
        <translation>Enter the trainee&apos;s name</translation>
    </message>
    <message>
        <source>Укажите дату начала стажировки</source>
        <translation>Enter the internship start date</translation>
    </message>
    <message>
        <source>Неизвестный статус</source>
        <translation>Unknown status</translation>
    </message>
    <message>
        <source>Адрес почты выглядит неверно</source>
        <translation>The email address looks invalid</translation>
    </message>
    <message>
        <source>Стандартная программа адаптации</source>
        <translation>Standard onboarding program</translation>
    </message>
    <message>
        <source>Введите название шаблона</source>
        <translation>Enter the template name</translation>
    </message>
    <message>
        <source>Шаблон с таким названием уже есть</source>
        <translation>A template with this name already exists</translation>
    </message>
    <message>
        <source>{name} (копия)</source>
        <translation>{name} (copy)</translation>
    </message>
    <message>
        <source>Файл не является JSON: {err}</source>
        <translation>The file is not JSON: {err}</translation>
    </message>
    <message>
        <source>Это не шаблон чек-листа SalesDesk</source>
        <translation>This is not a SalesDesk checklist template</translation>
    </message>
    <message>
        <source>В файле нет списка пунктов</source>
        <translation>The file has no list of items</translation>
    </message>
    <message>
        <source>Пункт шаблона записан неверно</source>
        <translation>A template item is malformed</translation>
    </message>
    <message>
        <source>Импортированный</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Укажите раздел</source>
        <translation>Specify the section</translation>
    </message>
    <message>
        <source>Введите название пункта</source>
        <translation>Enter the item name</translation>
    </message>
    <message>
        <source>Дата выполнения раньше начала стажировки</source>
        <translation>The completion date is before the internship start</translation>
    </message>
    <message>
        <source>Всего</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Выберите встречу или презентацию</source>
        <translation>Select a meeting or presentation</translation>
    </message>
    <message>
        <source>Сопровождать можно только встречу или презентацию</source>
        <translation>Only a meeting or presentation can be attended with the mentor</translation>
    </message>
    <message>
        <source>Эта встреча уже есть у стажёра</source>
        <translation>This meeting is already in the trainee&apos;s list</translation>
    </message>
    <message>
        <source>Укажите дату оценки</source>
        <translation>Enter the assessment date</translation>
    </message>
    <message>
        <source>Выберите навык</source>
        <translation>Select a skill</translation>
    </message>
    <message>
        <source>Дата оценки раньше начала стажировки</source>
        <translation>The assessment date is before the internship start</translation>
    </message>
    <message>
        <source>Введите, что изучаете</source>
        <translation>Enter what you are studying</translation>
    </message>
    <message>
        <source>Выберите вид обучения</source>
        <translation>Select a learning type</translation>
    </message>
    <message>
        <source>Выберите статус</source>
        <translation>Select a status</translation>
    </message>
    <message>
        <source>Укажите дату начала</source>
        <translation>Enter the start date</translation>
    </message>
    <message>
        <source>Дата окончания раньше даты начала</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <source>Часы — число от 0 до 10 000</source>
        <translation>Hours must be a number from 0 to 10,000</translation>
    </message>
    <message>
        <source>Запись не найдена (id {id})</source>
        <translation>Record not found (id {id})</translation>
    </message>
    <message>
        <source>Адаптация менеджера по продажам</source>
        <translation>Sales manager onboarding</translation>
    </message>
    <message>
        <source>Новая оценка</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Навык</source>
        <translation>Skill</translation>
    </message>
    <message>
        <source>— выберите 1–5</source>
        <translation>— choose 1–5</translation>
    </message>
    <message>
        <source>Оценка</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Добавить оценку</source>
        <translation>Add assessment</translation>
    </message>
    <message>
        <source>Удалить выбранную</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>Удалить оценку</source>
        <translation>Delete assessment</translation>
    </message>
    <message>
        <source>Удалить оценку «{skill}» от {day}?</source>
        <translation>Delete the “{skill}” assessment from {day}?</translation>
    </message>
    <message>
        <source>Раздел</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Новый личный пункт стажёра</source>
        <translation>New personal item for the trainee</translation>
    </message>
    <message>
        <source>Срок</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Добавить пункт</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Прогресс по разделам</source>
        <translation>Progress by section</translation>
    </message>
    <message>
        <source>Выбранный пункт</source>
        <translation>Selected item</translation>
    </message>
    <message>
        <source>Выберите пункт в списке</source>
        <translation>Select an item in the list</translation>
    </message>
    <message>
        <source>Комментарий наставника</source>
        <translation>Mentor&apos;s comment</translation>
    </message>
    <message>
        <source>Выполнено</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Снять отметку</source>
        <translation>Unmark</translation>
    </message>
    <message>
        <source>Выше в разделе</source>
        <translation>Move up in section</translation>
    </message>
    <message>
        <source>Ниже в разделе</source>
        <translation>Move down in section</translation>
    </message>
    <message>
        <source>Изменить…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Название, описание и срок пункта</source>
        <translation>Item name, description and due date</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Новый пункт чек-листа</source>
        <translation>New checklist item</translation>
    </message>
    <message>
        <source>Сохранить отметку</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>Удалить пункт</source>
        <translation>Delete item</translation>
    </message>
    <message>
        <source>Удалить пункт «{title}» из чек-листа стажёра?</source>
        <translation>Delete the item “{title}” from the trainee&apos;s checklist?</translation>
    </message>
    <message>
        <source>Пункт чек-листа</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Пункт</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Описание</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>есть срок</source>
        <translation>has due date</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Часы обучения по кварталам</source>
        <translation>Learning hours by quarter</translation>
    </message>
    <message>
        <source>Запись</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Книга, курс, конференция…</source>
        <translation>Book, course, conference…</translation>
    </message>
    <message>
        <source>Что</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Начало</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>окончено</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>Окончание</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Часы</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Главные выводы и что применить в работе</source>
        <translation>Key takeaways and what to apply at work</translation>
    </message>
    <message>
        <source>Выводы</source>
        <translation>Takeaways</translation>
    </message>
    <message>
        <source>Новая</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Запись журнала обучения</source>
        <translation>Learning log entry</translation>
    </message>
    <message>
        <source>Удалить запись</source>
        <translation>Delete entry</translation>
    </message>
    <message>
        <source>Удалить «{title}» из журнала обучения?</source>
        <translation>Delete “{title}” from the learning log?</translation>
    </message>
    <message>
        <source>Отзыв наставника о выбранной встрече</source>
        <translation>Mentor&apos;s feedback on the selected meeting</translation>
    </message>
    <message>
        <source>Сохранить отзыв</source>
        <translation>Save feedback</translation>
    </message>
    <message>
        <source>Убрать</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Добавить встречу</source>
        <translation>Add meeting</translation>
    </message>
    <message>
        <source>Встречи и презентации из дел с начала стажировки. Отметьте те, на которые стажёр ездил с вами.</source>
        <translation>Meetings and presentations from activities since the start of the internship. Check the ones the trainee attended with you.</translation>
    </message>
    <message>
        <source>Встреча</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Что получилось, что улучшить</source>
        <translation>What went well, what to improve</translation>
    </message>
    <message>
        <source>Отзыв</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Добавить</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Отзыв о встрече</source>
        <translation>Meeting feedback</translation>
    </message>
    <message>
        <source>Новая встреча со стажёром</source>
        <translation>New meeting with the trainee</translation>
    </message>
    <message>
        <source>Убрать встречу</source>
        <translation>Remove meeting</translation>
    </message>
    <message>
        <source>Убрать встречу «{subject}» из списка стажёра? Само дело останется.</source>
        <translation>Remove the meeting “{subject}” from the trainee&apos;s list? The activity itself will remain.</translation>
    </message>
    <message>
        <source>Стажёр</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Прогресс</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Начало: {start}; выполнено {done} из {total}, просрочено {overdue}</source>
        <translation>Start: {start}; done {done} of {total}, overdue {overdue}</translation>
    </message>
    <message>
        <source>Просрочено</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Личный пункт</source>
        <translation>Personal item</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>{section}: просрочено пунктов — {n}</source>
        <translation>{section}: overdue items — {n}</translation>
    </message>
    <message>
        <source>Когда</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Тип</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Тема</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Отзыв наставника</source>
        <translation>Mentor&apos;s feedback</translation>
    </message>
    <message>
        <source>Шаблон</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Пунктов</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Стажёров</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <source> (по умолчанию)</source>
        <translation> (default)</translation>
    </message>
    <message>
        <source>Срок, дней</source>
        <translation>Due, days</translation>
    </message>
    <message>
        <source>Квартал</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Записей</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Отчёт о стажёре {name}</source>
        <translation>Trainee report: {name}</translation>
    </message>
    <message>
        <source>Готовим отчёт о стажёре…</source>
        <translation>Preparing the trainee report…</translation>
    </message>
    <message>
        <source>Стажёры</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <source>Шаблоны чек-листов</source>
        <translation>Checklist templates</translation>
    </message>
    <message>
        <source>Моё обучение</source>
        <translation>My learning</translation>
    </message>
    <message>
        <source>Новый</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Копировать</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Экспорт JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <source>Импорт JSON…</source>
        <translation>Import JSON…</translation>
    </message>
    <message>
        <source>Название</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Пункты по порядку. Срок — дней от начала стажировки (0 — в первый день). Двойной щелчок по ячейке — изменить.</source>
        <translation>Items in order. Due: days from the start of the internship (0 = the first day). Double-click a cell to edit.</translation>
    </message>
    <message>
        <source>Отменить изменения</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Сохранить шаблон</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>Шаблон чек-листа «{name}»</source>
        <translation>Checklist template “{name}”</translation>
    </message>
    <message>
        <source>Новый шаблон</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>Знакомство с компанией</source>
        <translation>Getting to know the company</translation>
    </message>
    <message>
        <source>Шаблон «{name}» назначен стажёрам: {n}. Удалить его? Задачи стажёров останутся в их чек-листах.</source>
        <translation>Template “{name}” is assigned to {n} trainee(s). Delete it? The trainees&apos; tasks will remain in their checklists.</translation>
    </message>
    <message>
        <source>Удалить шаблон «{name}»?</source>
        <translation>Delete template “{name}”?</translation>
    </message>
    <message>
        <source>Удалить шаблон</source>
        <translation>Delete template</translation>
    </message>
    <message>
        <source>Экспорт шаблона</source>
        <translation>Export template</translation>
    </message>
    <message>
        <source>Импорт шаблона</source>
        <translation>Import template</translation>
    </message>
    <message>
        <source>Шаблон не импортирован: {err}</source>
        <translation>Template not imported: {err}</translation>
    </message>
    <message>
        <source>Имя</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Начало стажировки</source>
        <translation>Internship start</translation>
    </message>
    <message>
        <source>Менеджер по продажам</source>
        <translation>Sales manager</translation>
    </message>
    <message>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Почта</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Заметки наставника</source>
        <translation>Mentor&apos;s notes</translation>
    </message>
    <message>
        <source>Стажёр не выбран</source>
        <translation>No trainee selected</translation>
    </message>
    <message>
        <source>Добавьте стажёра кнопкой «Новый стажёр»</source>
        <translation>Add a trainee with the “New trainee” button</translation>
    </message>
    <message>
        <source>с {start}</source>
        <translation>since {start}</translation>
    </message>
    <message>
        <source>Выполнено {done} из {total} ({pct} %)</source>
        <translation>Done {done} of {total} ({pct}%)</translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:{c}&apos;&gt;просрочено {n}&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:{c}&apos;&gt;{n} overdue&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Новый стажёр</source>
        <translation>New trainee</translation>
    </message>
    <message>
        <source>Изменить</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Назначить шаблон</source>
        <translation>Assign template</translation>
    </message>
    <message>
        <source>Пункты шаблона станут задачами стажёра со сроками от даты начала</source>
        <translation>The template items will become the trainee&apos;s tasks, with due dates counted from the start date</translation>
    </message>
    <message>
        <source>Отчёт PDF</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <source>Заключение наставника: итоги адаптации, сильные стороны, зоны роста, рекомендации. Попадает в отчёт PDF.</source>
        <translation>Mentor&apos;s conclusion: onboarding results, strengths, areas for growth, recommendations. Included in the PDF report.</translation>
    </message>
    <message>
        <source>Сохранить заключение</source>
        <translation>Save conclusion</translation>
    </message>
    <message>
        <source>Чек-лист</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Встречи с наставником</source>
        <translation>Meetings with mentor</translation>
    </message>
    <message>
        <source>Оценка навыков</source>
        <translation>Skill assessment</translation>
    </message>
    <message>
        <source>Заключение</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>Заключение наставника</source>
        <translation>Mentor&apos;s conclusion</translation>
    </message>
    <message>
        <source>Удалить стажёра</source>
        <translation>Delete trainee</translation>
    </message>
    <message>
        <source>Удалить стажёра «{name}» вместе с чек-листом, оценками и встречами?</source>
        <translation>Delete trainee “{name}” along with their checklist, assessments and meetings?</translation>
    </message>
    <message>
        <source>Все пункты шаблона «{name}» у стажёра уже есть</source>
        <translation>The trainee already has all items of template “{name}”</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>Новое коммерческое предложение</source>
        <translation>New commercial offer</translation>
    </message>
    <message>
        <source> дн.</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Предмет предложения</source>
        <translation>Subject of the offer</translation>
    </message>
    <message>
        <source>Шаблон</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Действует</source>
        <translation>Valid for</translation>
    </message>
    <message>
        <source>Тема</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Вступление</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>Создать</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <source>Заказ</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Условия</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>Позиции</source>
        <translation>Line items</translation>
    </message>
    <message>
        <source>Отгрузки</source>
        <translation>Shipments</translation>
    </message>
    <message>
        <source>Оплаты</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Документы</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Куда везти: индекс, город, улица, склад</source>
        <translation>Where to deliver: postcode, city, street, warehouse</translation>
    </message>
    <message>
        <source>например, 15/2026</source>
        <translation>e.g. 15/2026</translation>
    </message>
    <message>
        <source>Дата заказа *</source>
        <translation>Order date *</translation>
    </message>
    <message>
        <source>Отгрузить до</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <source>Адрес доставки</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <source>Договор №</source>
        <translation>Contract No.</translation>
    </message>
    <message>
        <source>Договор от</source>
        <translation>Contract date</translation>
    </message>
    <message>
        <source>без отсрочки</source>
        <translation>no deferral</translation>
    </message>
    <message>
        <source> дн.</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Предоплата, %</source>
        <translation>Prepayment, %</translation>
    </message>
    <message>
        <source>Отсрочка оплаты</source>
        <translation>Payment deferral</translation>
    </message>
    <message>
        <source>Оплатить до</source>
        <translation>Pay by</translation>
    </message>
    <message>
        <source>Заметки</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Что важно по заказу</source>
        <translation>What matters about this order</translation>
    </message>
    <message>
        <source>по отсрочке</source>
        <translation>from deferral</translation>
    </message>
    <message>
        <source>не указана</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Срок оплаты: {d}.</source>
        <translation>Payment due: {d}.</translation>
    </message>
    <message>
        <source>Срок оплаты не задан.</source>
        <translation>No payment due date set.</translation>
    </message>
    <message>
        <source>Он печатается в счёте («Оплатить не позднее»); без даты считается по отсрочке от даты заказа. Договор — в строке «Основание» счёта.</source>
        <translation>It is printed on the invoice (“Pay no later than”); without a date, it is counted from the order date using the deferral. The contract goes on the invoice&apos;s “Reference” line.</translation>
    </message>
    <message>
        <source>+ Из каталога…</source>
        <translation>+ From catalog…</translation>
    </message>
    <message>
        <source>+ Своя строка</source>
        <translation>+ Custom line</translation>
    </message>
    <message>
        <source>Удалить строку</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <source>Позиции меняются, пока заказ новый, подтверждён или в сборке</source>
        <translation>Line items can be changed while the order is new, confirmed or being picked</translation>
    </message>
    <message>
        <source>+ Отгрузка…</source>
        <translation>+ Shipment…</translation>
    </message>
    <message>
        <source>Изменить…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Отменить отгрузку</source>
        <translation>Cancel shipment</translation>
    </message>
    <message>
        <source>Товар отменённой отгрузки возвращается на склад</source>
        <translation>The goods of a canceled shipment return to stock</translation>
    </message>
    <message>
        <source>Отгрузок ещё не было: «+ Отгрузка…» — частично или всё сразу.</source>
        <translation>No shipments yet: “+ Shipment…” — in parts or all at once.</translation>
    </message>
    <message>
        <source>Зачесть аванс</source>
        <translation>Apply credit</translation>
    </message>
    <message>
        <source>Зачесть неразнесённые оплаты клиента (его аванс) в этот заказ</source>
        <translation>Apply the client&apos;s unallocated payments (their credit) to this order</translation>
    </message>
    <message>
        <source>+ Оплата…</source>
        <translation>+ Payment…</translation>
    </message>
    <message>
        <source>Удалить оплату</source>
        <translation>Delete payment</translation>
    </message>
    <message>
        <source>Оплат ещё не было: «+ Оплата…», когда деньги придут.</source>
        <translation>No payments yet: “+ Payment…” when the money comes in.</translation>
    </message>
    <message>
        <source>Счёт на оплату</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Акт сверки с клиентом</source>
        <translation>Reconciliation statement with client</translation>
    </message>
    <message>
        <source>Акт сверки взаиморасчётов с начала года заказа по сегодня</source>
        <translation>Reconciliation statement from the start of the order&apos;s year to today</translation>
    </message>
    <message>
        <source>Спецификация</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>Новая спецификация</source>
        <translation>New specification</translation>
    </message>
    <message>
        <source>Выпустить спецификацию заново по текущим позициям заказа, с новым номером</source>
        <translation>Issue the specification again from the order&apos;s current lines, with a new number</translation>
    </message>
    <message>
        <source>Статус…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <source>Отменить заказ</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <source>Удалить заказ</source>
        <translation>Delete order</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Заказ № {n} от {d}</source>
        <translation>Order No. {n} dated {d}</translation>
    </message>
    <message>
        <source>Клиент: {c}</source>
        <translation>Client: {c}</translation>
    </message>
    <message>
        <source>сделка «{t}»</source>
        <translation>deal “{t}”</translation>
    </message>
    <message>
        <source>Отгружено &lt;b&gt;{shipped} %&lt;/b&gt; · оплачено &lt;b style=&apos;color:{c}&apos;&gt;{paid}&lt;/b&gt; из {amount} · осталось {left}</source>
        <translation>Shipped &lt;b&gt;{shipped}%&lt;/b&gt; · paid &lt;b style=&apos;color:{c}&apos;&gt;{paid}&lt;/b&gt; of {amount} · {left} left</translation>
    </message>
    <message>
        <source>Отгрузок ещё не было. Заказ можно отгружать частями: в отгрузке — строки и их количество.</source>
        <translation>No shipments yet. The order can be shipped in parts: each shipment lists the lines and their quantities.</translation>
    </message>
    <message>
        <source>Отгружено {pct} % по количеству позиций; отгрузок: {n}</source>
        <translation>Shipped {pct}% by line item quantity; shipments: {n}</translation>
    </message>
    <message>
        <source>отгрузить до {d}</source>
        <translation>ship by {d}</translation>
    </message>
    <message>
        <source> · оплатить до {d}</source>
        <translation> · pay by {d}</translation>
    </message>
    <message>
        <source>Оплачено &lt;b&gt;{paid}&lt;/b&gt; из {amount} · осталось &lt;b&gt;{left}&lt;/b&gt;{due}</source>
        <translation>Paid &lt;b&gt;{paid}&lt;/b&gt; of {amount} · &lt;b&gt;{left}&lt;/b&gt; left{due}</translation>
    </message>
    <message>
        <source>Аванс клиента (оплаты, ещё не зачтённые в заказы): {sum}</source>
        <translation>Client credit (payments not yet applied to orders): {sum}</translation>
    </message>
    <message>
        <source>У клиента нет аванса. Переплата по заказу станет его авансом.</source>
        <translation>The client has no credit. An overpayment on the order will become their credit.</translation>
    </message>
    <message>
        <source>Счёт № {n}</source>
        <translation>Invoice No. {n}</translation>
    </message>
    <message>
        <source>Счёт выставляется на сумму заказа ({sum}), один раз: потом открывается тот же.</source>
        <translation>The invoice is issued once, for the order amount ({sum}); after that, the same invoice opens.</translation>
    </message>
    <message>
        <source>В счёте: «Оплатить не позднее {d}».</source>
        <translation>On the invoice: “Pay no later than {d}”.</translation>
    </message>
    <message>
        <source>Договор № {n}</source>
        <translation>Contract No. {n}</translation>
    </message>
    <message>
        <source>от {d}</source>
        <translation>dated {d}</translation>
    </message>
    <message>
        <source>Основание: {b}.</source>
        <translation>Reference: {b}.</translation>
    </message>
    <message>
        <source>Спецификация № {n}</source>
        <translation>Specification No. {n}</translation>
    </message>
    <message>
        <source>Открыть выпущенную спецификацию</source>
        <translation>Open the issued specification</translation>
    </message>
    <message>
        <source>Спецификация к договору по позициям заказа</source>
        <translation>Contract specification from the order&apos;s lines</translation>
    </message>
    <message>
        <source>Итого по позициям: {sum}</source>
        <translation>Line items total: {sum}</translation>
    </message>
    <message>
        <source>сумма заказа (итог сделки): {sum}</source>
        <translation>order amount (deal total): {sum}</translation>
    </message>
    <message>
        <source>Новая позиция</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>шт</source>
        <translation>pcs</translation>
    </message>
    <message>
        <source>Процент — это число, например 30</source>
        <translation>The percentage must be a number, e.g. 30</translation>
    </message>
    <message>
        <source>Статус не изменён.</source>
        <translation>Status not changed.</translation>
    </message>
    <message>
        <source>Отменить заказ № {n}? Отменённый заказ не отгружается и не ждёт оплаты.</source>
        <translation>Cancel order No. {n}? A canceled order is not shipped and no payment is expected.</translation>
    </message>
    <message>
        <source>Заказ не отменён.</source>
        <translation>Order not canceled.</translation>
    </message>
    <message>
        <source>Удалить заказ № {n} совсем? Это нельзя отменить.</source>
        <translation>Delete order No. {n} permanently? This cannot be undone.</translation>
    </message>
    <message>
        <source>Заказ не удалён.</source>
        <translation>Order not deleted.</translation>
    </message>
    <message>
        <source>Отменить отгрузку от {d}? Её товар вернётся на склад.</source>
        <translation>Cancel the shipment of {d}? Its goods will return to stock.</translation>
    </message>
    <message>
        <source>Отгрузка не отменена.</source>
        <translation>Shipment not canceled.</translation>
    </message>
    <message>
        <source>Оплата записана: в заказ {alloc}</source>
        <translation>Payment recorded: {alloc} to the order</translation>
    </message>
    <message>
        <source>, переплата {credit} — аванс клиента</source>
        <translation>, overpayment of {credit} is the client&apos;s credit</translation>
    </message>
    <message>
        <source>Зачесть аванс клиента ({credit}) в оплату заказа № {n}? Зачтётся не больше, чем осталось оплатить ({left}).</source>
        <translation>Apply the client&apos;s credit ({credit}) to order No. {n}? No more than the remaining balance ({left}) will be applied.</translation>
    </message>
    <message>
        <source>Аванс не зачтён.</source>
        <translation>Credit not applied.</translation>
    </message>
    <message>
        <source>Удалить оплату {sum} от {d}?</source>
        <translation>Delete the payment of {sum} dated {d}?</translation>
    </message>
    <message>
        <source>Оплата не удалена.</source>
        <translation>Payment not deleted.</translation>
    </message>
    <message>
        <source>Акт сверки: {c}, {a} — {b}</source>
        <translation>Reconciliation statement: {c}, {a} — {b}</translation>
    </message>
    <message>
        <source>Акт сверки {c}</source>
        <translation>Reconciliation statement {c}</translation>
    </message>
    <message>
        <source>Заказ по сделке не создан:
{reason}</source>
        <translation>No order was created for the deal:
{reason}</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>Новый</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Подтверждён</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>В сборке</source>
        <translation>Picking</translation>
    </message>
    <message>
        <source>Отгружен частично</source>
        <translation>Partly shipped</translation>
    </message>
    <message>
        <source>Отгружен</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>Закрыт</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Отменён</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>Готовится</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>Отгружена</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>В пути</source>
        <translation>In transit</translation>
    </message>
    <message>
        <source>Доставлена</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Проблема</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Отменена</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>Начальный остаток</source>
        <translation>Opening stock</translation>
    </message>
    <message>
        <source>Отгрузка</source>
        <translation>Shipment</translation>
    </message>
    <message>
        <source>Отмена отгрузки</source>
        <translation>Shipment cancellation</translation>
    </message>
    <message>
        <source>Поступление</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Корректировка</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>Неизвестный статус</source>
        <translation>Unknown status</translation>
    </message>
    <message>
        <source>Префикс номера — от 1 до 10 букв или цифр, без пробелов</source>
        <translation>The number prefix is 1 to 10 letters or digits, without spaces</translation>
    </message>
    <message>
        <source>шт</source>
        <translation>pcs</translation>
    </message>
    <message>
        <source>Сделка не найдена</source>
        <translation>Deal not found</translation>
    </message>
    <message>
        <source>Заказ создаётся по выигранной сделке</source>
        <translation>An order is created from a won deal</translation>
    </message>
    <message>
        <source>По сделке уже есть заказ № {n}</source>
        <translation>The deal already has order No. {n}</translation>
    </message>
    <message>
        <source>Заказ отменён: изменить его нельзя</source>
        <translation>The order is canceled: it cannot be changed</translation>
    </message>
    <message>
        <source>По заказу оплачено {paid}: сумма не может быть меньше</source>
        <translation>{paid} has been paid on the order: the amount cannot be less</translation>
    </message>
    <message>
        <source>Строки меняются, пока заказ новый, подтверждён или в сборке</source>
        <translation>Lines can be changed while the order is new, confirmed or being picked</translation>
    </message>
    <message>
        <source>Строка {n}: такой строки в заказе нет</source>
        <translation>Line {n}: the order has no such line</translation>
    </message>
    <message>
        <source>Строка {n}: в отгрузках уже {q} — меньше нельзя</source>
        <translation>Line {n}: shipments already include {q} — it cannot be less</translation>
    </message>
    <message>
        <source>Строку «{name}» нельзя удалить: она есть в отгрузке</source>
        <translation>Line “{name}” cannot be deleted: it is in a shipment</translation>
    </message>
    <message>
        <source>Строка {n}: товар не найден</source>
        <translation>Line {n}: product not found</translation>
    </message>
    <message>
        <source>Этот статус ставится по отгрузкам</source>
        <translation>This status is set by the shipments</translation>
    </message>
    <message>
        <source>Заказ отменён: статус не меняется</source>
        <translation>The order is canceled: its status cannot change</translation>
    </message>
    <message>
        <source>Товар уже отгружается: статус следует за отгрузками</source>
        <translation>The goods are already being shipped: the status follows the shipments</translation>
    </message>
    <message>
        <source>По заказу есть оплаты на {sum}: отменить его нельзя, сначала удалите или перенесите оплаты</source>
        <translation>The order has payments totaling {sum}: it cannot be canceled; delete or move the payments first</translation>
    </message>
    <message>
        <source>Товар по заказу уже отгружен: сначала отмените отгрузки</source>
        <translation>Goods on the order have already been shipped: cancel the shipments first</translation>
    </message>
    <message>
        <source>По заказу есть оплаты на {sum}: удалить его нельзя</source>
        <translation>The order has payments totaling {sum}: it cannot be deleted</translation>
    </message>
    <message>
        <source>По заказу есть отгрузки: удалить его нельзя, отмените заказ</source>
        <translation>The order has shipments: it cannot be deleted; cancel the order instead</translation>
    </message>
    <message>
        <source>По заказу выставлен счёт {n}: удалить его нельзя, отмените заказ</source>
        <translation>Invoice {n} has been issued for the order: it cannot be deleted; cancel the order instead</translation>
    </message>
    <message>
        <source>Заказ не найден</source>
        <translation>Order not found</translation>
    </message>
    <message>
        <source>«{name}»: заказано {ordered}, на складе {stock}</source>
        <translation>“{name}”: {ordered} ordered, {stock} in stock</translation>
    </message>
    <message>
        <source>«{name}»: осталось отгрузить {ordered}, на складе {stock}</source>
        <translation>“{name}”: {ordered} left to ship, {stock} in stock</translation>
    </message>
    <message>
        <source>Количество должно быть числом</source>
        <translation>Quantity must be a number</translation>
    </message>
    <message>
        <source>Количество должно быть больше нуля</source>
        <translation>Quantity must be greater than zero</translation>
    </message>
    <message>
        <source>Количество — не больше трёх знаков после запятой</source>
        <translation>Quantity can have at most three decimal places</translation>
    </message>
    <message>
        <source>Цена должна быть числом</source>
        <translation>Price must be a number</translation>
    </message>
    <message>
        <source>Скидка должна быть числом</source>
        <translation>Discount must be a number</translation>
    </message>
    <message>
        <source>Укажите наименование</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <source>Наименование не длиннее {n} знаков</source>
        <translation>Name must be at most {n} characters</translation>
    </message>
    <message>
        <source>Единица измерения не длиннее {n} знаков</source>
        <translation>Unit of measure must be at most {n} characters</translation>
    </message>
    <message>
        <source>В заказе должна быть хотя бы одна строка</source>
        <translation>An order must have at least one line</translation>
    </message>
    <message>
        <source>Строка {n}: {msg}</source>
        <translation>Line {n}: {msg}</translation>
    </message>
    <message>
        <source>Укажите дату заказа</source>
        <translation>Enter the order date</translation>
    </message>
    <message>
        <source>Дата отгрузки раньше даты заказа</source>
        <translation>The ship date is before the order date</translation>
    </message>
    <message>
        <source>Предоплата должна быть числом</source>
        <translation>Prepayment must be a number</translation>
    </message>
    <message>
        <source>Предоплата должна быть от 0 до 100 %</source>
        <translation>Prepayment must be between 0 and 100%</translation>
    </message>
    <message>
        <source>Предоплата — не больше двух знаков после запятой</source>
        <translation>Prepayment can have at most two decimal places</translation>
    </message>
    <message>
        <source>Отсрочка — целое число дней от 0 до {n}</source>
        <translation>Deferral must be a whole number of days from 0 to {n}</translation>
    </message>
    <message>
        <source>Срок оплаты раньше даты заказа</source>
        <translation>The payment due date is before the order date</translation>
    </message>
    <message>
        <source>Номер договора не длиннее {n} знаков</source>
        <translation>Contract number must be at most {n} characters</translation>
    </message>
    <message>
        <source>Договор датирован позже заказа</source>
        <translation>The contract is dated after the order</translation>
    </message>
    <message>
        <source>Сумма должна быть числом</source>
        <translation>Amount must be a number</translation>
    </message>
    <message>
        <source>Сумма не может быть отрицательной</source>
        <translation>Amount cannot be negative</translation>
    </message>
    <message>
        <source>Сумма — с точностью до копейки</source>
        <translation>Amount can have at most two decimal places</translation>
    </message>
    <message>
        <source>Неизвестный статус отгрузки</source>
        <translation>Unknown shipment status</translation>
    </message>
    <message>
        <source>Укажите плановую дату отгрузки</source>
        <translation>Enter the planned ship date</translation>
    </message>
    <message>
        <source>Выберите, что отгружается</source>
        <translation>Select what is being shipped</translation>
    </message>
    <message>
        <source>Укажите дату отгрузки</source>
        <translation>Enter the ship date</translation>
    </message>
    <message>
        <source>Укажите дату доставки</source>
        <translation>Enter the delivery date</translation>
    </message>
    <message>
        <source>Доставка без даты отгрузки: укажите дату отгрузки</source>
        <translation>Delivery without a ship date: enter the ship date</translation>
    </message>
    <message>
        <source>Доставка раньше отгрузки</source>
        <translation>Delivery is before shipment</translation>
    </message>
    <message>
        <source>Плановая доставка раньше плановой отгрузки</source>
        <translation>Planned delivery is before planned shipment</translation>
    </message>
    <message>
        <source>Опишите проблему</source>
        <translation>Describe the problem</translation>
    </message>
    <message>
        <source>Не длиннее {n} знаков</source>
        <translation>At most {n} characters</translation>
    </message>
    <message>
        <source>Отгрузка отменена: изменить её нельзя</source>
        <translation>The shipment is canceled: it cannot be changed</translation>
    </message>
    <message>
        <source>Отгрузка отменяется отдельной командой «Отменить отгрузку»</source>
        <translation>A shipment is canceled with the separate “Cancel shipment” command</translation>
    </message>
    <message>
        <source>Отгрузка уже ушла со склада: её строки не меняются — отмените её и создайте новую</source>
        <translation>The shipment has already left the warehouse: its lines cannot change — cancel it and create a new one</translation>
    </message>
    <message>
        <source>Заказ отменён: отгрузка невозможна</source>
        <translation>The order is canceled: it cannot be shipped</translation>
    </message>
    <message>
        <source>Заказ закрыт: откройте его снова, чтобы менять отгрузки</source>
        <translation>The order is closed: reopen it to change shipments</translation>
    </message>
    <message>
        <source>Отгрузка не найдена</source>
        <translation>Shipment not found</translation>
    </message>
    <message>
        <source>Этой строки нет в заказе</source>
        <translation>This line is not in the order</translation>
    </message>
    <message>
        <source>Отгружается больше, чем заказано: «{name}» — заказано {ordered}, в других отгрузках {other}, в этой {this}</source>
        <translation>Shipping more than ordered: “{name}” — ordered {ordered}, in other shipments {other}, in this one {this}</translation>
    </message>
    <message>
        <source>Остаток, изменённый вне журнала</source>
        <translation>Stock changed outside the journal</translation>
    </message>
    <message>
        <source>Товар не найден</source>
        <translation>Product not found</translation>
    </message>
    <message>
        <source>Укажите, на сколько изменить остаток</source>
        <translation>Specify how much to change the stock by</translation>
    </message>
    <message>
        <source>Укажите причину корректировки</source>
        <translation>Specify the reason for the adjustment</translation>
    </message>
    <message>
        <source>Причина не длиннее {n} знаков</source>
        <translation>Reason must be at most {n} characters</translation>
    </message>
    <message>
        <source>Комментарий не длиннее {n} знаков</source>
        <translation>Comment must be at most {n} characters</translation>
    </message>
    <message>
        <source>Остаток не может стать отрицательным: на складе {n}</source>
        <translation>Stock cannot become negative: {n} in stock</translation>
    </message>
    <message>
        <source>не указана</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Просрочена оплата: срок прошёл, деньги не пришли</source>
        <translation>Payment overdue: the due date has passed and no money has arrived</translation>
    </message>
    <message>
        <source>Опаздывает отгрузка: плановая дата прошла</source>
        <translation>Shipment late: the planned date has passed</translation>
    </message>
    <message>
        <source>Опаздывает доставка: плановая дата прошла</source>
        <translation>Delivery late: the planned date has passed</translation>
    </message>
    <message>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Сумма, ₽</source>
        <translation>Amount, ₽</translation>
    </message>
    <message>
        <source>Оплачено, ₽</source>
        <translation>Paid, ₽</translation>
    </message>
    <message>
        <source>Отгружено</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>Оплатить до</source>
        <translation>Pay by</translation>
    </message>
    <message>
        <source>Срок оплаты прошёл</source>
        <translation>Payment due date has passed</translation>
    </message>
    <message>
        <source>Наименование</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Кол-во</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Ед.</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Цена, ₽</source>
        <translation>Price, ₽</translation>
    </message>
    <message>
        <source>Скидка, %</source>
        <translation>Discount, %</translation>
    </message>
    <message>
        <source>Ещё {n} в отгрузках, которые готовятся</source>
        <translation>{n} more in shipments being prepared</translation>
    </message>
    <message>
        <source>На складе</source>
        <translation>In stock</translation>
    </message>
    <message>
        <source>Осталось отгрузить {left}, на складе {stock}</source>
        <translation>{left} left to ship, {stock} in stock</translation>
    </message>
    <message>
        <source>УПД</source>
        <translation>UPD</translation>
    </message>
    <message>
        <source>ТТН</source>
        <translation>Waybill</translation>
    </message>
    <message>
        <source>с/ф</source>
        <translation>VAT inv.</translation>
    </message>
    <message>
        <source>Отгрузка: план</source>
        <translation>Shipment: planned</translation>
    </message>
    <message>
        <source>факт</source>
        <translation>actual</translation>
    </message>
    <message>
        <source>Доставка: план</source>
        <translation>Delivery: planned</translation>
    </message>
    <message>
        <source>Перевозчик, трек</source>
        <translation>Carrier, tracking</translation>
    </message>
    <message>
        <source>Документы</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Позиции</source>
        <translation>Line items</translation>
    </message>
    <message>
        <source>Платёжное поручение</source>
        <translation>Payment order</translation>
    </message>
    <message>
        <source>№ {n}</source>
        <translation>No. {n}</translation>
    </message>
    <message>
        <source>Больше, чем осталось отгрузить: не больше {left}</source>
        <translation>More than is left to ship: at most {left}</translation>
    </message>
    <message>
        <source>Заказано</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>Осталось отгрузить</source>
        <translation>Left to ship</translation>
    </message>
    <message>
        <source>В этой отгрузке</source>
        <translation>In this shipment</translation>
    </message>
    <message>
        <source>Показать ещё</source>
        <translation>Show more</translation>
    </message>
    <message>
        <source>Заказы</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Номер заказа или клиент  (Ctrl+F)</source>
        <translation>Order number or client  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Новый заказ — из выигранной сделки</source>
        <translation>A new order comes from a won deal</translation>
    </message>
    <message>
        <source>Отметьте «Создать заказ» в окне «Сделка выиграна» или нажмите «Создать заказ» в карточке выигранной сделки</source>
        <translation>Check “Create order” in the “Deal won” window or click “Create order” in the won deal&apos;s card</translation>
    </message>
    <message>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Все клиенты</source>
        <translation>All clients</translation>
    </message>
    <message>
        <source>За всё время</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Этот месяц</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Прошлый месяц</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Этот квартал</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Последние 30 дней</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Этот год</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Прошлый год</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>Свой период…</source>
        <translation>Custom period…</translation>
    </message>
    <message>
        <source>Просрочено</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Только заказы с просроченной оплатой, отгрузкой или доставкой</source>
        <translation>Only orders with overdue payment, shipment or delivery</translation>
    </message>
    <message>
        <source>Сбросить</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Список заказов не прочитан: {e}</source>
        <translation>The order list could not be read: {e}</translation>
    </message>
    <message>
        <source>Нет заказов по этим условиям</source>
        <translation>No orders match these filters</translation>
    </message>
    <message>
        <source>Заказов пока нет. Заказ создаётся из выигранной сделки: отметьте «Создать заказ» в окне «Сделка выиграна» или нажмите «Создать заказ» в карточке сделки.</source>
        <translation>No orders yet. An order is created from a won deal: check “Create order” in the “Deal won” window or click “Create order” in the deal card.</translation>
    </message>
    <message>
        <source>%n заказ|%n заказа|%n заказов</source>
        <translation>%n order|%n orders</translation>
    </message>
    <message>
        <source>Показано {shown} из {total}</source>
        <translation>Showing {shown} of {total}</translation>
    </message>
    <message>
        <source>с опозданием среди показанных: {n}</source>
        <translation>late among those shown: {n}</translation>
    </message>
    <message>
        <source>Открыть заказ…</source>
        <translation>Open order…</translation>
    </message>
    <message>
        <source>Открыть клиента</source>
        <translation>Open client</translation>
    </message>
    <message>
        <source>Заказы этого клиента</source>
        <translation>This client&apos;s orders</translation>
    </message>
    <message>
        <source>Счёт на оплату</source>
        <translation>Invoice</translation>
    </message>
</context>
<context>
    <name>Payment</name>
    <message>
        <source>Оплата по заказу № {n}</source>
        <translation>Payment for order No. {n}</translation>
    </message>
    <message>
        <source>{client} · сумма заказа {amount}, оплачено {paid}, осталось {left}</source>
        <translation>{client} · order amount {amount}, paid {paid}, {left} left</translation>
    </message>
    <message>
        <source>номер платёжного поручения</source>
        <translation>payment order number</translation>
    </message>
    <message>
        <source>Сумма, ₽ *</source>
        <translation>Amount, ₽ *</translation>
    </message>
    <message>
        <source>Дата оплаты *</source>
        <translation>Payment date *</translation>
    </message>
    <message>
        <source>№ п/п</source>
        <translation>Payment order No.</translation>
    </message>
    <message>
        <source>Записать оплату</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <source>В заказ зачтётся {to_order}; переплата {over} станет авансом клиента и будет зачтена в его следующий заказ.</source>
        <translation>{to_order} will be applied to the order; the overpayment of {over} will become the client&apos;s credit and be applied to their next order.</translation>
    </message>
    <message>
        <source>Вся сумма зачтётся в заказ; останется оплатить {left}.</source>
        <translation>The whole amount will be applied to the order; {left} will remain to be paid.</translation>
    </message>
    <message>
        <source>Сумма — это число, например 125 000,50</source>
        <translation>The amount must be a number, e.g. 125 000.50</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>{q} квартал {y}</source>
        <translation>Q{q} {y}</translation>
    </message>
    <message>
        <source>{y} год</source>
        <translation>{y}</translation>
    </message>
    <message>
        <source>январь</source>
        <translation>January</translation>
    </message>
    <message>
        <source>февраль</source>
        <translation>February</translation>
    </message>
    <message>
        <source>март</source>
        <translation>March</translation>
    </message>
    <message>
        <source>апрель</source>
        <translation>April</translation>
    </message>
    <message>
        <source>май</source>
        <translation>May</translation>
    </message>
    <message>
        <source>июнь</source>
        <translation>June</translation>
    </message>
    <message>
        <source>июль</source>
        <translation>July</translation>
    </message>
    <message>
        <source>август</source>
        <translation>August</translation>
    </message>
    <message>
        <source>сентябрь</source>
        <translation>September</translation>
    </message>
    <message>
        <source>октябрь</source>
        <translation>October</translation>
    </message>
    <message>
        <source>ноябрь</source>
        <translation>November</translation>
    </message>
    <message>
        <source>декабрь</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Не понимаю период «{p}»: нужен месяц (2026-11), квартал (2026-Q4) или год (2026)</source>
        <translation>Cannot understand the period “{p}”: expected a month (2026-11), quarter (2026-Q4) or year (2026)</translation>
    </message>
    <message>
        <source>Нет такого периода: год {y} вне диапазона 1900–2200</source>
        <translation>No such period: year {y} is outside the range 1900–2200</translation>
    </message>
    <message>
        <source>Нет такого периода: «{p}» — месяц должен быть от 1 до 12</source>
        <translation>No such period: “{p}” — the month must be from 1 to 12</translation>
    </message>
    <message>
        <source>Нет такого периода: «{p}» — квартал должен быть от 1 до 4</source>
        <translation>No such period: “{p}” — the quarter must be from 1 to 4</translation>
    </message>
    <message>
        <source>Факт: поступившие оплаты (по дате оплаты)</source>
        <translation>Actual: payments received (by payment date)</translation>
    </message>
    <message>
        <source>Факт: выигранные сделки (по дате закрытия)</source>
        <translation>Actual: won deals (by close date)</translation>
    </message>
    <message>
        <source>Товарная группа</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Регион</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Без группы</source>
        <translation>No group</translation>
    </message>
    <message>
        <source>Не указан</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>Неизвестная разбивка: {d}</source>
        <translation>Unknown breakdown: {d}</translation>
    </message>
    <message>
        <source>Укажите сумму плана</source>
        <translation>Enter the plan amount</translation>
    </message>
    <message>
        <source>Сумма плана должна быть числом</source>
        <translation>The plan amount must be a number</translation>
    </message>
    <message>
        <source>План не может быть отрицательным: {a}</source>
        <translation>The plan cannot be negative: {a}</translation>
    </message>
    <message>
        <source>Слишком большая сумма плана</source>
        <translation>The plan amount is too large</translation>
    </message>
    <message>
        <source>Неизвестный показатель факта: {m}</source>
        <translation>Unknown actuals metric: {m}</translation>
    </message>
    <message>
        <source>Не указано значение разбивки</source>
        <translation>Breakdown value not specified</translation>
    </message>
    <message>
        <source>Нужен месяц, а не «{p}»</source>
        <translation>A month is required, not “{p}”</translation>
    </message>
    <message>
        <source>Процент должен быть числом: «{p}»</source>
        <translation>The percentage must be a number: “{p}”</translation>
    </message>
    <message>
        <source>Процент должен быть больше −100 и не больше 1000</source>
        <translation>The percentage must be greater than −100 and at most 1000</translation>
    </message>
    <message>
        <source>Неизвестный способ распределения: {s}</source>
        <translation>Unknown distribution method: {s}</translation>
    </message>
    <message>
        <source>Разбивка «{d}» не сходится с общим планом: сумма частей {parts}, общий план {total}, расхождение {gap}</source>
        <translation>Breakdown “{d}” does not match the overall plan: sum of parts {parts}, overall plan {total}, difference {gap}</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Общий план</source>
        <translation>Overall plan</translation>
    </message>
    <message>
        <source>Сумма частей</source>
        <translation>Sum of parts</translation>
    </message>
    <message>
        <source>Расхождение</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Общий план месяца не задан: в скобках — сумма разбивки, по которой считается план</source>
        <translation>No overall plan is set for the month: the value in parentheses is the breakdown total used as the plan</translation>
    </message>
    <message>
        <source>Сумма плана должна быть числом: «{t}»</source>
        <translation>The plan amount must be a number: “{t}”</translation>
    </message>
    <message>
        <source>X — стабильные</source>
        <translation>X — stable</translation>
    </message>
    <message>
        <source>Y — колеблющиеся</source>
        <translation>Y — fluctuating</translation>
    </message>
    <message>
        <source>Z — нерегулярные</source>
        <translation>Z — irregular</translation>
    </message>
    <message>
        <source>A — основная выручка</source>
        <translation>A — core revenue</translation>
    </message>
    <message>
        <source>B — средние</source>
        <translation>B — medium</translation>
    </message>
    <message>
        <source>C — малые</source>
        <translation>C — small</translation>
    </message>
    <message>
        <source>%n клиент
{sum}|%n клиента
{sum}|%n клиентов
{sum}</source>
        <translation>%n client
{sum}|%n clients
{sum}</translation>
    </message>
    <message>
        <source>Щёлкните, чтобы увидеть список клиентов</source>
        <translation>Click to see the list of clients</translation>
    </message>
    <message>
        <source>Выполнение плана</source>
        <translation>Plan performance</translation>
    </message>
    <message>
        <source>Воронка и потери</source>
        <translation>Pipeline and losses</translation>
    </message>
    <message>
        <source>Источники и каналы</source>
        <translation>Sources and channels</translation>
    </message>
    <message>
        <source>Клиентская база</source>
        <translation>Client base</translation>
    </message>
    <message>
        <source>Редактор плана</source>
        <translation>Plan editor</translation>
    </message>
    <message>
        <source>Месяц</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Квартал</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Год</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Предыдущий период</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <source>Следующий период</source>
        <translation>Next period</translation>
    </message>
    <message>
        <source>Период: месяц 2026-11, квартал 2026-Q4 или год 2026</source>
        <translation>Period: month 2026-11, quarter 2026-Q4 or year 2026</translation>
    </message>
    <message>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Период:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Разбивка:</source>
        <translation>Breakdown:</translation>
    </message>
    <message>
        <source>Факт:</source>
        <translation>Actual:</translation>
    </message>
    <message>
        <source>выигранные сделки</source>
        <translation>won deals</translation>
    </message>
    <message>
        <source>оплаты</source>
        <translation>payments</translation>
    </message>
    <message>
        <source>Что считать фактом: сумму выигранных сделок по дате закрытия или поступившие оплаты по дате оплаты</source>
        <translation>What counts as actual: the amount of won deals by close date, or payments received by payment date</translation>
    </message>
    <message>
        <source>План</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Факт</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Выполнено</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Осталось</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>Нужно в рабочий день</source>
        <translation>Needed per working day</translation>
    </message>
    <message>
        <source>Прогноз по темпу</source>
        <translation>Run-rate forecast</translation>
    </message>
    <message>
        <source>Воронка на период</source>
        <translation>Pipeline for the period</translation>
    </message>
    <message>
        <source>План и факт за 12 месяцев</source>
        <translation>Plan vs. actual over 12 months</translation>
    </message>
    <message>
        <source>Отклонение по разбивке</source>
        <translation>Deviation by breakdown</translation>
    </message>
    <message>
        <source>Значение</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>На сегодня</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Отклонение</source>
        <translation>Deviation</translation>
    </message>
    <message>
        <source>% плана</source>
        <translation>% of plan</translation>
    </message>
    <message>
        <source>Воронка: сделки, вошедшие в этап</source>
        <translation>Pipeline: deals that entered the stage</translation>
    </message>
    <message>
        <source>Этап</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Вошло</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>Перешло дальше</source>
        <translation>Moved on</translation>
    </message>
    <message>
        <source>Конверсия</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <source>Дней в этапе</source>
        <translation>Days in stage</translation>
    </message>
    <message>
        <source>Проиграно</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Причины проигрыша: количество</source>
        <translation>Loss reasons: count</translation>
    </message>
    <message>
        <source>Причины проигрыша: сумма</source>
        <translation>Loss reasons: amount</translation>
    </message>
    <message>
        <source>Конкурент</source>
        <translation>Competitor</translation>
    </message>
    <message>
        <source>Сделок</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Этапы воронки</source>
        <translation>Pipeline stages</translation>
    </message>
    <message>
        <source>Проиграно конкурентам</source>
        <translation>Lost to competitors</translation>
    </message>
    <message>
        <source>Презентация → следующий этап → выиграна</source>
        <translation>Presentation → next stage → won</translation>
    </message>
    <message>
        <source>Сделки с проведённой презентацией</source>
        <translation>Deals with a presentation held</translation>
    </message>
    <message>
        <source>Перешли в следующий этап</source>
        <translation>Moved to the next stage</translation>
    </message>
    <message>
        <source>Выиграны</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Выручка по источникам лидов</source>
        <translation>Revenue by lead source</translation>
    </message>
    <message>
        <source>Источники и каналы за период</source>
        <translation>Sources and channels for the period</translation>
    </message>
    <message>
        <source>Источник / канал</source>
        <translation>Source / channel</translation>
    </message>
    <message>
        <source>Лиды</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Новые сделки</source>
        <translation>New deals</translation>
    </message>
    <message>
        <source>Выиграно</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Выручка</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Затраты на кампании</source>
        <translation>Campaign costs</translation>
    </message>
    <message>
        <source>Цена лида</source>
        <translation>Cost per lead</translation>
    </message>
    <message>
        <source>Кампании за период</source>
        <translation>Campaigns for the period</translation>
    </message>
    <message>
        <source>Кампания</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Канал</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>В периоде не было кампаний. Кампании, их затраты и эффективность — на вкладке «Рынок» → «Кампании».</source>
        <translation>There were no campaigns in the period. Campaigns, their costs and effectiveness are on the “Market” tab → “Campaigns”.</translation>
    </message>
    <message>
        <source>ABC × XYZ</source>
        <translation>ABC × XYZ</translation>
    </message>
    <message>
        <source>Риск оттока: клиент молчит дольше k обычных интервалов между покупками</source>
        <translation>Churn risk: the client has been silent for longer than k usual intervals between purchases</translation>
    </message>
    <message>
        <source>Доля A</source>
        <translation>A share</translation>
    </message>
    <message>
        <source>доля B</source>
        <translation>B share</translation>
    </message>
    <message>
        <source>отток: k =</source>
        <translation>churn: k =</translation>
    </message>
    <message>
        <source>Клиенты ячейки</source>
        <translation>Clients in the cell</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Доля</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Мес. с покупками</source>
        <translation>Months with purchases</translation>
    </message>
    <message>
        <source>Вариация</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Показать ещё</source>
        <translation>Show more</translation>
    </message>
    <message>
        <source>Следующие клиенты ячейки по выручке</source>
        <translation>The cell&apos;s next clients by revenue</translation>
    </message>
    <message>
        <source>RFM-сегменты: клиентов</source>
        <translation>RFM segments: clients</translation>
    </message>
    <message>
        <source>Риск оттока</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <source>Посл. покупка</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <source>Интервал, дн.</source>
        <translation>Interval, days</translation>
    </message>
    <message>
        <source>Молчит, дн.</source>
        <translation>Silent, days</translation>
    </message>
    <message>
        <source>Под угрозой</source>
        <translation>At risk</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Клиентов</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Клиентская база по разрезу</source>
        <translation>Client base by breakdown</translation>
    </message>
    <message>
        <source>не указано</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Активных клиентов сейчас</source>
        <translation>Active clients now</translation>
    </message>
    <message>
        <source>Покупали</source>
        <translation>Buyers</translation>
    </message>
    <message>
        <source>Клиентов с выигранной сделкой за период</source>
        <translation>Clients with a won deal in the period</translation>
    </message>
    <message>
        <source>Год назад</source>
        <translation>A year ago</translation>
    </message>
    <message>
        <source>Рост</source>
        <translation>Growth</translation>
    </message>
    <message>
        <source>Нет активных клиентов и выручки за период</source>
        <translation>No active clients and no revenue for the period</translation>
    </message>
    <message>
        <source>Ушедшие клиенты</source>
        <translation>Churned clients</translation>
    </message>
    <message>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>За период клиенты не уходили</source>
        <translation>No clients churned in the period</translation>
    </message>
    <message>
        <source>К конкуренту</source>
        <translation>To a competitor</translation>
    </message>
    <message>
        <source>Конкуренты у ушедших клиентов не указаны</source>
        <translation>No competitors specified for churned clients</translation>
    </message>
    <message>
        <source>Клиенты, получившие статус «Потерян» или «Ушёл» в периоде; причину и конкурента указывают в карточке клиента.</source>
        <translation>Clients that got the status “Lost” or “Churned” in the period; the reason and the competitor are set on the client card.</translation>
    </message>
    <message>
        <source>Скопировать с прошлого года +N %</source>
        <translation>Copy from last year +N%</translation>
    </message>
    <message>
        <source>Изменить план года на N %</source>
        <translation>Change the year&apos;s plan by N%</translation>
    </message>
    <message>
        <source>Задать план на</source>
        <translation>Set plan for</translation>
    </message>
    <message>
        <source>сумма, ₽</source>
        <translation>amount, ₽</translation>
    </message>
    <message>
        <source>поровну по месяцам</source>
        <translation>evenly across months</translation>
    </message>
    <message>
        <source>по сезонности прошлого года</source>
        <translation>by last year&apos;s seasonality</translation>
    </message>
    <message>
        <source>Распределить</source>
        <translation>Distribute</translation>
    </message>
    <message>
        <source>Дважды щёлкните ячейку, чтобы ввести план месяца; пустое значение удаляет цель. «Общий план» — цель на месяц целиком; если он не задан, план месяца — сумма разбивки (в скобках). Расхождение — общий план минус сумма частей.</source>
        <translation>Double-click a cell to enter the month&apos;s plan; an empty value deletes the target. “Overall plan” is the target for the whole month; if it is not set, the month&apos;s plan is the breakdown total (in parentheses). Difference is the overall plan minus the sum of parts.</translation>
    </message>
    <message>
        <source>на сегодня по плану {v}</source>
        <translation>plan to date: {v}</translation>
    </message>
    <message>
        <source>{sign}{v} к плану на сегодня</source>
        <translation>{sign}{v} vs. plan to date</translation>
    </message>
    <message>
        <source>рабочих дней: прошло {e} из {t}</source>
        <translation>working days: {e} of {t} elapsed</translation>
    </message>
    <message>
        <source>осталось рабочих дней: {n}</source>
        <translation>working days left: {n}</translation>
    </message>
    <message>
        <source>период завершён</source>
        <translation>period finished</translation>
    </message>
    <message>
        <source>рабочих дней не осталось</source>
        <translation>no working days left</translation>
    </message>
    <message>
        <source>в день до конца периода</source>
        <translation>per day until the end of the period</translation>
    </message>
    <message>
        <source>период ещё не начался</source>
        <translation>period has not started yet</translation>
    </message>
    <message>
        <source>{p} плана</source>
        <translation>{p} of plan</translation>
    </message>
    <message>
        <source>взвешенно; {n} сделок на {sum}</source>
        <translation>weighted; {n} deals totaling {sum}</translation>
    </message>
    <message>
        <source>данные на {d}</source>
        <translation>as of {d}</translation>
    </message>
    <message>
        <source>{m}
План: {p}
Факт: {a}
Выполнено: {pct}</source>
        <translation>{m}
Plan: {p}
Actual: {a}
Achieved: {pct}</translation>
    </message>
    <message>
        <source>{d}: план и факт, худшие сверху</source>
        <translation>{d}: plan vs. actual, worst first</translation>
    </message>
    <message>
        <source>{d}: факт против плана на сегодня</source>
        <translation>{d}: actual vs. plan to date</translation>
    </message>
    <message>
        <source>План на сегодня</source>
        <translation>Plan to date</translation>
    </message>
    <message>
        <source>{v}
План: {p}
План на сегодня: {t}
Факт: {a}
Отклонение: {d}</source>
        <translation>{v}
Plan: {p}
Plan to date: {t}
Actual: {a}
Deviation: {d}</translation>
    </message>
    <message>
        <source>серый — план на сегодня; факт зелёный, если план выполняется, красный — если отстаёт</source>
        <translation>gray: plan to date; actual is green if the plan is on track, red if it is behind</translation>
    </message>
    <message>
        <source>презентация с итогом «Состоялась» в периоде</source>
        <translation>a presentation with the result “Held” in the period</translation>
    </message>
    <message>
        <source>{p} от сделок с презентацией</source>
        <translation>{p} of deals with a presentation</translation>
    </message>
    <message>
        <source>презентаций в периоде не было</source>
        <translation>no presentations in the period</translation>
    </message>
    <message>
        <source>выиграно</source>
        <translation>won</translation>
    </message>
    <message>
        <source>→ {c} · {d} дн.</source>
        <translation>→ {c} · {d} days</translation>
    </message>
    <message>
        <source>Вошло в этап</source>
        <translation>Entered the stage</translation>
    </message>
    <message>
        <source>{s}
Вошло: {e}
Перешло дальше: {m}
Конверсия: {c}
Проиграно на этапе: {l}</source>
        <translation>{s}
Entered: {e}
Moved on: {m}
Conversion: {c}
Lost at this stage: {l}</translation>
    </message>
    <message>
        <source>конверсия в следующий этап и среднее время в этапе</source>
        <translation>conversion to the next stage and average time in stage</translation>
    </message>
    <message>
        <source>Не указана</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>{r}
Сделок: {n} ({s})
Сумма: {a}</source>
        <translation>{r}
Deals: {n} ({s})
Amount: {a}</translation>
    </message>
    <message>
        <source>проиграна %n сделка на {sum}|проиграно %n сделки на {sum}|проиграно %n сделок на {sum}</source>
        <translation>lost %n deal totaling {sum}|lost %n deals totaling {sum}</translation>
    </message>
    <message>
        <source>ABC × XYZ: %n клиент с покупками за период|ABC × XYZ: %n клиента с покупками за период|ABC × XYZ: %n клиентов с покупками за период</source>
        <translation>ABC × XYZ: %n client with purchases in the period|ABC × XYZ: %n clients with purchases in the period</translation>
    </message>
    <message>
        <source>Проиграно конкурентам: {n} сделок на {sum}</source>
        <translation>Lost to competitors: {n} deals totaling {sum}</translation>
    </message>
    <message>
        <source>{s}
Лиды: {l}
Выиграно: {w} из {c} закрытых
Выручка: {r}
Конверсия: {p}
Цена лида: {cpl}</source>
        <translation>{s}
Leads: {l}
Won: {w} of {c} closed
Revenue: {r}
Conversion: {p}
Cost per lead: {cpl}</translation>
    </message>
    <message>
        <source>{r} · конв. {p}</source>
        <translation>{r} · conv. {p}</translation>
    </message>
    <message>
        <source>выигранные сделки за период по источнику сделки</source>
        <translation>won deals for the period by deal source</translation>
    </message>
    <message>
        <source>ABC по выручке за период ({a}/{b}/{c} %), XYZ по коэффициенту вариации помесячных покупок за {m} мес. (X ≤ {x} %, Y ≤ {y} %). Щёлкните ячейку — ниже появится список клиентов.</source>
        <translation>ABC by revenue for the period ({a}/{b}/{c}%), XYZ by the coefficient of variation of monthly purchases over {m} months (X ≤ {x}%, Y ≤ {y}%). Click a cell to see the list of clients below.</translation>
    </message>
    <message>
        <source>{s}
Клиентов: {n}
Выручка за всё время: {m}</source>
        <translation>{s}
Clients: {n}
Lifetime revenue: {m}</translation>
    </message>
    <message>
        <source>давность, частота и сумма покупок на {d}</source>
        <translation>recency, frequency and monetary value of purchases as of {d}</translation>
    </message>
    <message>
        <source>Клиентская база — разрез: {d}</source>
        <translation>Client base — breakdown: {d}</translation>
    </message>
    <message>
        <source>Выручка за {p} и за тот же период годом раньше ({y})</source>
        <translation>Revenue for {p} and for the same period a year earlier ({y})</translation>
    </message>
    <message>
        <source>Ушёл за период %n клиент|Ушли за период %n клиента|Ушли за период %n клиентов</source>
        <translation>%n client churned in the period|%n clients churned in the period</translation>
    </message>
    <message>
        <source>Риск оттока: {n} клиентов молчат дольше {k} обычных интервалов</source>
        <translation>Churn risk: {n} clients silent for longer than {k} usual intervals</translation>
    </message>
    <message>
        <source>Клиенты ячейки {a}{x}: {n} · загрузка…</source>
        <translation>Clients of cell {a}{x}: {n} · loading…</translation>
    </message>
    <message>
        <source>Клиенты ячейки {a}{x}: {n}, показаны крупнейшие {k}</source>
        <translation>Clients of cell {a}{x}: {n}, the largest {k} shown</translation>
    </message>
    <message>
        <source>Клиенты ячейки {a}{x}: {n}</source>
        <translation>Clients in cell {a}{x}: {n}</translation>
    </message>
    <message>
        <source>План на {y} год: месяцы × {d}</source>
        <translation>Plan for {y}: months × {d}</translation>
    </message>
    <message>
        <source>{q} квартал {y}</source>
        <translation>Q{q} {y}</translation>
    </message>
    <message>
        <source>{y} год</source>
        <translation>{y}</translation>
    </message>
    <message>
        <source>общий план</source>
        <translation>overall plan</translation>
    </message>
    <message>
        <source>План сохранён.</source>
        <translation>Plan saved.</translation>
    </message>
    <message>
        <source>Скопировать план</source>
        <translation>Copy plan</translation>
    </message>
    <message>
        <source>Заменить план {y} года планом {p} года {sign}{n} %?</source>
        <translation>Replace the {y} plan with the {p} plan {sign}{n}%?</translation>
    </message>
    <message>
        <source>В {y} году плана нет — копировать нечего.</source>
        <translation>There is no plan for {y} — nothing to copy.</translation>
    </message>
    <message>
        <source>Скопировано целей: {n}.</source>
        <translation>Targets copied: {n}.</translation>
    </message>
    <message>
        <source>Изменено целей: {c} ({sign}{n} %).</source>
        <translation>Targets changed: {c} ({sign}{n}%).</translation>
    </message>
    <message>
        <source>Распределено: {parts}.</source>
        <translation>Distributed: {parts}.</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Печать…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Сохранить как…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Открыть в программе просмотра</source>
        <translation>Open in viewer</translation>
    </message>
    <message>
        <source>Отправить по почте</source>
        <translation>Send by email</translation>
    </message>
    <message>
        <source>По ширине</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Страниц: {n}</source>
        <translation>Pages: {n}</translation>
    </message>
    <message>
        <source>Сохранить PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Документы PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Файл не сохранён: {e}</source>
        <translation>File not saved: {e}</translation>
    </message>
    <message>
        <source>Не найдена программа для просмотра PDF. Файл: {p}</source>
        <translation>No PDF viewer found. File: {p}</translation>
    </message>
    <message>
        <source>Добрый день!

Направляем документ во вложении.
</source>
        <translation>Hello,

Please find the document attached.
</translation>
    </message>
    <message>
        <source>
(вложите файл {p})</source>
        <translation>
(attach the file {p})</translation>
    </message>
    <message>
        <source>Не найдена почтовая программа. Черновик письма сохранён: {p}</source>
        <translation>No email program found. The draft has been saved: {p}</translation>
    </message>
    <message>
        <source>Почтовая программа не умеет открывать черновики с вложением: приложите к письму файл {p}</source>
        <translation>The email program cannot open drafts with attachments: attach the file {p} to the message</translation>
    </message>
</context>
<context>
    <name>ProtocolDialog</name>
    <message>
        <source>Протокол переговоров</source>
        <translation>Negotiation protocol</translation>
    </message>
    <message>
        <source>Где прошла встреча</source>
        <translation>Where the meeting took place</translation>
    </message>
    <message>
        <source>У клиента нет контактов</source>
        <translation>The client has no contacts</translation>
    </message>
    <message>
        <source>По одному в строке: ФИО, должность</source>
        <translation>One per line: name, position</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Дата встречи</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>Место</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>От клиента</source>
        <translation>From the client</translation>
    </message>
    <message>
        <source>С нашей стороны</source>
        <translation>From our side</translation>
    </message>
    <message>
        <source>Условия, открытые вопросы (нерешённые возражения) и следующие шаги (запланированные дела) берутся из сделки. Выпущенный протокол не меняется.</source>
        <translation>Terms, open questions (unresolved objections) and next steps (planned activities) come from the deal. An issued protocol never changes.</translation>
    </message>
    <message>
        <source>Выпустить</source>
        <translation>Issue</translation>
    </message>
</context>
<context>
    <name>Receivables</name>
    <message>
        <source>Срок не наступил</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>1–30 дн.</source>
        <translation>1–30 days</translation>
    </message>
    <message>
        <source>31–60 дн.</source>
        <translation>31–60 days</translation>
    </message>
    <message>
        <source>61–90 дн.</source>
        <translation>61–90 days</translation>
    </message>
    <message>
        <source>Более 90 дн.</source>
        <translation>Over 90 days</translation>
    </message>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Сумма должна быть числом</source>
        <translation>Amount must be a number</translation>
    </message>
    <message>
        <source>Сумма должна быть больше нуля</source>
        <translation>Amount must be greater than zero</translation>
    </message>
    <message>
        <source>Сумма с точностью до копейки</source>
        <translation>Amount can have at most two decimal places</translation>
    </message>
    <message>
        <source>Слишком большая сумма</source>
        <translation>The amount is too large</translation>
    </message>
    <message>
        <source>Укажите дату оплаты</source>
        <translation>Enter the payment date</translation>
    </message>
    <message>
        <source>Номер документа не длиннее {n} знаков</source>
        <translation>Document number must be at most {n} characters</translation>
    </message>
    <message>
        <source>Клиент не найден</source>
        <translation>Client not found</translation>
    </message>
    <message>
        <source>Платёж не найден</source>
        <translation>Payment not found</translation>
    </message>
    <message>
        <source>Платёж уже разнесён на заказ № {n}</source>
        <translation>The payment has already been allocated to order No. {n}</translation>
    </message>
    <message>
        <source>Больше суммы платежа ({v})</source>
        <translation>More than the payment amount ({v})</translation>
    </message>
    <message>
        <source>У клиента нет переплаты</source>
        <translation>The client has no overpayment</translation>
    </message>
    <message>
        <source>Больше переплаты клиента ({v})</source>
        <translation>More than the client&apos;s overpayment ({v})</translation>
    </message>
    <message>
        <source>Заказ не найден</source>
        <translation>Order not found</translation>
    </message>
    <message>
        <source>Заказ № {n} — другого клиента</source>
        <translation>Order No. {n} belongs to another client</translation>
    </message>
    <message>
        <source>Заказ № {n} отменён: оплата по нему не принимается</source>
        <translation>Order No. {n} is canceled: payments for it are not accepted</translation>
    </message>
    <message>
        <source>Заказ № {n} уже оплачен</source>
        <translation>Order No. {n} is already paid</translation>
    </message>
    <message>
        <source>Больше долга по заказу ({v})</source>
        <translation>More than the balance due on the order ({v})</translation>
    </message>
    <message>
        <source>Отгрузка (УПД № {n})</source>
        <translation>Shipment (UPD No. {n})</translation>
    </message>
    <message>
        <source>Отгрузка (накладная № {n})</source>
        <translation>Shipment (waybill No. {n})</translation>
    </message>
    <message>
        <source>Отгрузка по заказу № {n}</source>
        <translation>Shipment for order No. {n}</translation>
    </message>
    <message>
        <source>Оплата (п/п № {n})</source>
        <translation>Payment (payment order No. {n})</translation>
    </message>
    <message>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Конец периода раньше его начала</source>
        <translation>The end of the period is before its start</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Пропущенные напоминания: {n}</source>
        <translation>Missed reminders: {n}</translation>
    </message>
    <message>
        <source>Напоминаний: {n}</source>
        <translation>Reminders: {n}</translation>
    </message>
    <message>
        <source>Скрыть</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Отложить на 10 мин</source>
        <translation>Snooze for 10 min</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Ещё: {n}</source>
        <translation>{n} more</translation>
    </message>
    <message>
        <source>Закрытие окна</source>
        <translation>Closing the window</translation>
    </message>
    <message>
        <source>Свернуть в трей или выйти?</source>
        <translation>Minimize to tray or quit?</translation>
    </message>
    <message>
        <source>Свернуть в трей</source>
        <translation>Minimize to tray</translation>
    </message>
    <message>
        <source>Выйти</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Материалы к совещанию (план, воронка, долги)</source>
        <translation>Meeting materials (plan, pipeline, receivables)</translation>
    </message>
    <message>
        <source>Выполнение плана</source>
        <translation>Plan performance</translation>
    </message>
    <message>
        <source>Воронка продаж</source>
        <translation>Sales pipeline</translation>
    </message>
    <message>
        <source>Клиентская база</source>
        <translation>Client base</translation>
    </message>
    <message>
        <source>Рынок и конкуренты</source>
        <translation>Market and competitors</translation>
    </message>
    <message>
        <source>Потери и рекламации</source>
        <translation>Losses and complaints</translation>
    </message>
    <message>
        <source>Кампании и каналы</source>
        <translation>Campaigns and channels</translation>
    </message>
    <message>
        <source>Отчёт для совещания</source>
        <translation>Meeting report</translation>
    </message>
    <message>
        <source>Отчёт</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Период</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Отчёт откроется в окне просмотра: оттуда его можно напечатать, сохранить или отправить.</source>
        <translation>The report will open in the preview window, where you can print, save or send it.</translation>
    </message>
    <message>
        <source>Сформировать</source>
        <translation>Generate</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Выполнение плана продаж</source>
        <translation>Sales plan performance</translation>
    </message>
    <message>
        <source>Воронка продаж</source>
        <translation>Sales pipeline</translation>
    </message>
    <message>
        <source>Клиентская база</source>
        <translation>Client base</translation>
    </message>
    <message>
        <source>Материалы к совещанию</source>
        <translation>Meeting materials</translation>
    </message>
    <message>
        <source>Неизвестный отчёт: {k}</source>
        <translation>Unknown report: {k}</translation>
    </message>
    <message>
        <source>{period} · данные на {date}</source>
        <translation>{period} · as of {date}</translation>
    </message>
    <message>
        <source>План и факт</source>
        <translation>Plan vs. actual</translation>
    </message>
    <message>
        <source>План</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Факт</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Выполнение</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>План на сегодня</source>
        <translation>Plan to date</translation>
    </message>
    <message>
        <source>Осталось выполнить</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>Нужно в рабочий день</source>
        <translation>Needed per working day</translation>
    </message>
    <message>
        <source>Рабочих дней прошло / всего</source>
        <translation>Working days elapsed / total</translation>
    </message>
    <message>
        <source>Прогноз, % плана</source>
        <translation>Forecast, % of plan</translation>
    </message>
    <message>
        <source>Открытые сделки периода (взвешенно)</source>
        <translation>Open deals for the period (weighted)</translation>
    </message>
    <message>
        <source>Показатель</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Значение</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>План нарастающим итогом</source>
        <translation>Cumulative plan</translation>
    </message>
    <message>
        <source>Прогноз</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>Динамика</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>По разрезу: {d}</source>
        <translation>Breakdown: {d}</translation>
    </message>
    <message>
        <source>План по разрезу «{d}» не задан — показаны продажи за период</source>
        <translation>No plan is set by «{d}»: the period&apos;s sales are shown</translation>
    </message>
    <message>
        <source>План на дату</source>
        <translation>Plan to date</translation>
    </message>
    <message>
        <source>Отклонение</source>
        <translation>Deviation</translation>
    </message>
    <message>
        <source>Нет данных</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>Крупнейшие выигранные сделки</source>
        <translation>Largest won deals</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Закрыта</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>За период выигранных сделок нет</source>
        <translation>No deals were won in the period</translation>
    </message>
    <message>
        <source>раб. дней</source>
        <translation>work days</translation>
    </message>
    <message>
        <source>дней</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Зависшие сделки</source>
        <translation>Stalled deals</translation>
    </message>
    <message>
        <source>Зависших сделок нет</source>
        <translation>No stalled deals</translation>
    </message>
    <message>
        <source>Сделок: {n}, на сумму {s}</source>
        <translation>Deals: {n}, totaling {s}</translation>
    </message>
    <message>
        <source>Этап</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>В этапе, {u}</source>
        <translation>In stage, {u}</translation>
    </message>
    <message>
        <source>Открытые сделки по этапам</source>
        <translation>Open deals by stage</translation>
    </message>
    <message>
        <source>Открытых сделок</source>
        <translation>Open deals</translation>
    </message>
    <message>
        <source>Сумма воронки</source>
        <translation>Pipeline amount</translation>
    </message>
    <message>
        <source>Взвешенный прогноз</source>
        <translation>Weighted forecast</translation>
    </message>
    <message>
        <source>Проиграно за период, сделок: {n}</source>
        <translation>Lost in the period, deals: {n}</translation>
    </message>
    <message>
        <source>Сделок</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Вероятность</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Взвешенно</source>
        <translation>Weighted</translation>
    </message>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Проигранные сделки: {p}</source>
        <translation>Lost deals: {p}</translation>
    </message>
    <message>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Доля</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Не указана</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>За период проигранных сделок нет</source>
        <translation>No deals were lost in the period</translation>
    </message>
    <message>
        <source>Дебиторская задолженность</source>
        <translation>Accounts receivable</translation>
    </message>
    <message>
        <source>Неоплаченных заказов</source>
        <translation>Unpaid orders</translation>
    </message>
    <message>
        <source>Долг всего</source>
        <translation>Total owed</translation>
    </message>
    <message>
        <source>Из него просрочено</source>
        <translation>Of which overdue</translation>
    </message>
    <message>
        <source>Неоплаченных заказов нет</source>
        <translation>No unpaid orders</translation>
    </message>
    <message>
        <source>Неоплаченные заказы</source>
        <translation>Unpaid orders</translation>
    </message>
    <message>
        <source>Заказ</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Срок оплаты</source>
        <translation>Payment due</translation>
    </message>
    <message>
        <source>Просрочка, дн.</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>Долг</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>По срокам просрочки</source>
        <translation>By days overdue</translation>
    </message>
    <message>
        <source>Просрочка</source>
        <translation>Aging</translation>
    </message>
    <message>
        <source>Авансы клиентов (не разнесённые оплаты): {v}</source>
        <translation>Client credits (unallocated payments): {v}</translation>
    </message>
    <message>
        <source>Крупнейшие должники</source>
        <translation>Largest debtors</translation>
    </message>
    <message>
        <source>Просрочено</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Аванс</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Лиды</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Активные</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Потерянные</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Ушедшие</source>
        <translation>Churned</translation>
    </message>
    <message>
        <source>Состав базы</source>
        <translation>Client base breakdown</translation>
    </message>
    <message>
        <source>Клиентов в базе</source>
        <translation>Clients in the database</translation>
    </message>
    <message>
        <source>Под риском ухода</source>
        <translation>At risk of churn</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Клиентов</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Прогноз по текущему темпу</source>
        <translation>Forecast at the current pace</translation>
    </message>
    <message>
        <source>Выручка</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Не указан</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>ABC-анализ по выручке: {p}</source>
        <translation>ABC analysis by revenue: {p}</translation>
    </message>
    <message>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Доля выручки</source>
        <translation>Revenue share</translation>
    </message>
    <message>
        <source>Крупнейшие клиенты</source>
        <translation>Largest clients</translation>
    </message>
    <message>
        <source>За период продаж не было</source>
        <translation>There were no sales in the period</translation>
    </message>
    <message>
        <source>Риск ухода</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <source>Клиенты, которые молчат дольше двух своих обычных интервалов между покупками; по выручке под угрозой.</source>
        <translation>Clients who have been silent for longer than two of their usual intervals between purchases; sorted by revenue at risk.</translation>
    </message>
    <message>
        <source>Последняя покупка</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <source>Обычный интервал, дн.</source>
        <translation>Usual interval, days</translation>
    </message>
    <message>
        <source>Молчит, дн.</source>
        <translation>Silent, days</translation>
    </message>
    <message>
        <source>Выручка под угрозой</source>
        <translation>Revenue at risk</translation>
    </message>
    <message>
        <source>Клиентов под риском ухода нет</source>
        <translation>No clients at risk of churn</translation>
    </message>
</context>
<context>
    <name>Requisites</name>
    <message>
        <source>ИНН состоит только из цифр</source>
        <translation>INN must contain digits only</translation>
    </message>
    <message>
        <source>ИНН должен содержать {n} цифр</source>
        <translation>INN must contain {n} digits</translation>
    </message>
    <message>
        <source>Неверная контрольная сумма ИНН</source>
        <translation>Invalid INN checksum</translation>
    </message>
    <message>
        <source>ОГРН состоит только из цифр</source>
        <translation>OGRN must contain digits only</translation>
    </message>
    <message>
        <source>{label} должен содержать {n} цифр</source>
        <translation>{label} must contain {n} digits</translation>
    </message>
    <message>
        <source>Неверная контрольная сумма ОГРН</source>
        <translation>Invalid OGRN checksum</translation>
    </message>
    <message>
        <source>КПП: 9 знаков — 4 цифры, 2 цифры или латинские буквы, 3 цифры</source>
        <translation>KPP: 9 characters — 4 digits, 2 digits or Latin letters, 3 digits</translation>
    </message>
    <message>
        <source>БИК состоит из 9 цифр</source>
        <translation>BIC must be 9 digits</translation>
    </message>
    <message>
        <source>Корр. счёт состоит из 20 цифр</source>
        <translation>Correspondent account must be 20 digits</translation>
    </message>
    <message>
        <source>Сначала укажите верный БИК</source>
        <translation>Enter a valid BIC first</translation>
    </message>
    <message>
        <source>Корр. счёт не сходится с БИК (неверный контрольный ключ)</source>
        <translation>Correspondent account does not match the BIC (invalid check digit)</translation>
    </message>
    <message>
        <source>Расчётный счёт состоит из 20 цифр</source>
        <translation>Settlement account must be 20 digits</translation>
    </message>
    <message>
        <source>Расчётный счёт не сходится с БИК (неверный контрольный ключ)</source>
        <translation>Settlement account does not match the BIC (invalid check digit)</translation>
    </message>
    <message>
        <source>КПП бывает только у организаций</source>
        <translation>Only organizations have a KPP</translation>
    </message>
</context>
<context>
    <name>Rhythm</name>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Активных клиентов</source>
        <translation>Active clients</translation>
    </message>
    <message>
        <source>Звонить раз в, дн.</source>
        <translation>Call every, days</translation>
    </message>
    <message>
        <source>как остальным</source>
        <translation>same as others</translation>
    </message>
    <message>
        <source>Ритм работы с клиентами</source>
        <translation>Client call cadence</translation>
    </message>
    <message>
        <source>Клиент, которому не звонили дольше его ритма, появляется на вкладке «Сегодня» в разделе «Пора позвонить». Свой ритм отдельного клиента задаётся в его карточке (Классификация → Сервисный звонок).</source>
        <translation>A client who has not been called for longer than their cadence appears on the “Today” tab under “Due for a call”. An individual client&apos;s own cadence is set in their card (Classification → Service call).</translation>
    </message>
    <message>
        <source>Сервисные звонки по сегментам</source>
        <translation>Service calls by segment</translation>
    </message>
    <message>
        <source>Дважды щёлкните число, чтобы изменить; пустое поле — как остальным сегментам.</source>
        <translation>Double-click a number to change it; an empty field means the same as the other segments.</translation>
    </message>
    <message>
        <source>Новый сегмент</source>
        <translation>New segment</translation>
    </message>
    <message>
        <source>+ Добавить</source>
        <translation>+ Add</translation>
    </message>
    <message>
        <source>Как остальным</source>
        <translation>Same as others</translation>
    </message>
    <message>
        <source>Убрать свой ритм выбранного сегмента: ему звонят, как остальным</source>
        <translation>Remove the selected segment&apos;s own cadence: it is called like the others</translation>
    </message>
    <message>
        <source>Остальным сегментам — раз в</source>
        <translation>Other segments — every</translation>
    </message>
    <message>
        <source>через </source>
        <translation>in </translation>
    </message>
    <message>
        <source>Выигрыш сделки предлагает звонок клиенту через столько дней: доволен ли он покупкой</source>
        <translation>Winning a deal suggests calling the client this many days later to ask whether they are happy with the purchase</translation>
    </message>
    <message>
        <source>Звонок после продажи</source>
        <translation>After-sale call</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source> дн.</source>
        <translation> days</translation>
    </message>
    <message>
        <source>{segment}: {message}</source>
        <translation>{segment}: {message}</translation>
    </message>
</context>
<context>
    <name>Satisfaction</name>
    <message>
        <source>Оценка клиента</source>
        <translation>Client score</translation>
    </message>
    <message>
        <source>NPS: «Насколько вероятно, что вы порекомендуете нас?» от 0 до 10. CSAT: «Насколько вы довольны?» от 1 до 5.</source>
        <translation>NPS: “How likely are you to recommend us?” from 0 to 10. CSAT: “How satisfied are you?” from 1 to 5.</translation>
    </message>
    <message>
        <source>Клиент *</source>
        <translation>Client *</translation>
    </message>
    <message>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Оценка *</source>
        <translation>Score *</translation>
    </message>
    <message>
        <source>Дата *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Заказ</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Что понравилось, что улучшить — словами клиента</source>
        <translation>What they liked, what to improve — in the client&apos;s words</translation>
    </message>
    <message>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Записать оценку</source>
        <translation>Record score</translation>
    </message>
    <message>
        <source>— не выбрано —</source>
        <translation>— not selected —</translation>
    </message>
    <message>
        <source>Оценка…</source>
        <translation>Score…</translation>
    </message>
    <message>
        <source>Записать NPS или CSAT клиента после сделки или поставки</source>
        <translation>Record a client&apos;s NPS or CSAT after a deal or a delivery</translation>
    </message>
    <message>
        <source>Удалить оценку</source>
        <translation>Delete score</translation>
    </message>
    <message>
        <source>Предыдущий период</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <source>Период: 2026-11 (месяц), 2026-Q4 (квартал) или 2026 (год)</source>
        <translation>Period: 2026-11 (month), 2026-Q4 (quarter) or 2026 (year)</translation>
    </message>
    <message>
        <source>Следующий период</source>
        <translation>Next period</translation>
    </message>
    <message>
        <source>Сегмент</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Промоутеры (9–10)</source>
        <translation>Promoters (9–10)</translation>
    </message>
    <message>
        <source>Нейтральные (7–8)</source>
        <translation>Passives (7–8)</translation>
    </message>
    <message>
        <source>Критики (0–6)</source>
        <translation>Detractors (0–6)</translation>
    </message>
    <message>
        <source>CSAT, средняя</source>
        <translation>CSAT, average</translation>
    </message>
    <message>
        <source>Критики и их последняя рекламация</source>
        <translation>Detractors and their latest complaint</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Оценка</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Последняя рекламация</source>
        <translation>Latest complaint</translation>
    </message>
    <message>
        <source>рекламаций не было</source>
        <translation>no complaints</translation>
    </message>
    <message>
        <source>Критиков за период нет (оценка NPS от 0 до 6).</source>
        <translation>No detractors in the period (NPS score from 0 to 6).</translation>
    </message>
    <message>
        <source>Оценки за период</source>
        <translation>Scores for the period</translation>
    </message>
    <message>
        <source>Оценок за период нет. После сделки или поставки спросите клиента и запишите ответ — «Оценка…».</source>
        <translation>No scores for the period. After a deal or a delivery, ask the client and record the answer — “Score…”.</translation>
    </message>
    <message>
        <source>Все</source>
        <translation>All</translation>
    </message>
    <message>
        <source>%n ответ|%n ответа|%n ответов</source>
        <translation>%n response|%n responses</translation>
    </message>
    <message>
        <source>Удалить оценку {score} клиента {client}?</source>
        <translation>Delete the score {score} of client {client}?</translation>
    </message>
</context>
<context>
    <name>Shipment</name>
    <message>
        <source>Новая отгрузка по заказу № {n}</source>
        <translation>New shipment for order No. {n}</translation>
    </message>
    <message>
        <source>Отгрузка по заказу № {n}</source>
        <translation>Shipment for order No. {n}</translation>
    </message>
    <message>
        <source>{client} · в отгрузке — сколько едет сейчас; не больше, чем осталось отгрузить по строке</source>
        <translation>{client} · “In this shipment” is how much goes now; no more than is left to ship for the line</translation>
    </message>
    <message>
        <source>{client} · отгрузка ушла со склада: её строки уже не меняются (чтобы исправить, отмените её — товар вернётся на склад — и оформите новую)</source>
        <translation>{client} · the shipment has left the warehouse: its lines can no longer change (to correct it, cancel it — the goods will return to stock — and create a new one)</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Отгрузка: план *</source>
        <translation>Shipment: planned *</translation>
    </message>
    <message>
        <source>Отгрузка: факт</source>
        <translation>Shipment: actual</translation>
    </message>
    <message>
        <source>Доставка: план</source>
        <translation>Delivery: planned</translation>
    </message>
    <message>
        <source>Доставка: факт</source>
        <translation>Delivery: actual</translation>
    </message>
    <message>
        <source>ТК, курьер или самовывоз</source>
        <translation>Freight company, courier or pickup</translation>
    </message>
    <message>
        <source>Перевозчик</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>Трек-номер</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>УПД №</source>
        <translation>UPD No.</translation>
    </message>
    <message>
        <source>ТТН / ТОРГ-12 №</source>
        <translation>Waybill / TORG-12 No.</translation>
    </message>
    <message>
        <source>Счёт-фактура №</source>
        <translation>VAT invoice No.</translation>
    </message>
    <message>
        <source>Что случилось: повреждение, недовоз, задержка на складе ТК</source>
        <translation>What happened: damage, short delivery, delay at the carrier&apos;s warehouse</translation>
    </message>
    <message>
        <source>Проблема</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Заметки</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Сохранить отгрузку</source>
        <translation>Save shipment</translation>
    </message>
    <message>
        <source>«{name}»: осталось отгрузить {left}, в отгрузке {qty}</source>
        <translation>“{name}”: {left} left to ship, {qty} in the shipment</translation>
    </message>
    <message>
        <source>Укажите, сколько отгружается хотя бы по одной строке</source>
        <translation>Enter the quantity being shipped for at least one line</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Горячие клавиши</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Где</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Клавиши</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Действие</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Клавиши вкладки действуют, когда она открыта; клавиши меню — везде в окне.</source>
        <translation>A tab&apos;s keys work while it is open; menu keys work anywhere in the window.</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Внутренняя ошибка программы: {error}.
Сохранённые данные не пострадали. Подробности записаны в журнал {log}.</source>
        <translation>Internal program error: {error}.
Your saved data is not affected. Details have been written to the log {log}.</translation>
    </message>
    <message>
        <source>окно SalesDesk</source>
        <translation>SalesDesk window</translation>
    </message>
    <message>
        <source>База данных {path} лежит в {reason}. Программы синхронизации и сетевые диски не соблюдают блокировки SQLite: файл может повредиться или откатиться к старой версии. Резервные копии туда класть можно, а рабочую базу лучше держать на своём диске.</source>
        <translation>The database {path} is in {reason}. Sync programs and network drives do not honour SQLite&apos;s locks: the file may get damaged or roll back to an old version. Backups may go there, but the working database is best kept on your own disk.</translation>
    </message>
    <message>
        <source>Перенести базу в {target}? Прежний файл останется на месте под именем …moved-ДАТА.</source>
        <translation>Move the database to {target}? The previous file stays where it is, named …moved-DATE.</translation>
    </message>
    <message>
        <source>Небезопасная папка</source>
        <translation>Unsafe folder</translation>
    </message>
    <message>
        <source>Резервных копий этой базы нет. Файл не изменён.</source>
        <translation>There are no backups of this database. The file is unchanged.</translation>
    </message>
    <message>
        <source>{problem}

Восстановить базу из резервной копии от {when} (клиентов: {clients}, сделок: {deals})? Изменения, сделанные после неё, будут потеряны. Нынешний файл не удаляется: он будет переименован в {name}.corrupt-….</source>
        <translation>{problem}

Restore the database from the backup of {when} (clients: {clients}, deals: {deals})? Changes made after it will be lost. The current file is not deleted: it will be renamed to {name}.corrupt-….</translation>
    </message>
    <message>
        <source>База данных повреждена</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>Проверка нашла повреждение базы данных:
{problem}

Не вносите изменений: откройте Файл → Резервные копии… и восстановите последнюю исправную копию — программа сделает это сама, не закрываясь.</source>
        <translation>The check found damage in the database:
{problem}

Make no changes: open File → Backups… and restore the last sound backup — the program does it itself, without closing.</translation>
    </message>
    <message>
        <source>Резервная копия базы перед выходом…</source>
        <translation>Backing up the database before exit…</translation>
    </message>
    <message>
        <source>Не удаётся открыть базу данных:
{reason}</source>
        <translation>Cannot open the database:
{reason}</translation>
    </message>
    <message>
        <source>окну не хватает системных библиотек Qt: {libs}. Установите их: {command}</source>
        <translation>the window lacks Qt system libraries: {libs}. Install them: {command}</translation>
    </message>
    <message>
        <source>нет экрана для окна: переменная DISPLAY не задана (запуск по SSH или без графического сеанса); команды без окна работают — salesdesk -h</source>
        <translation>no screen for the window: DISPLAY is not set (an SSH login or no graphical session); the commands without a window work — salesdesk -h</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>Шаблонов нет: «Новый» — шаблон плана адаптации стажёра.</source>
        <translation>No templates: “New” — an onboarding plan template for trainees.</translation>
    </message>
    <message>
        <source>В шаблоне нет пунктов: «Добавить пункт» — что стажёр делает и на какой день.</source>
        <translation>The template has no items: “Add item” — what the trainee does and on which day.</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>День рождения</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Праздник</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Долг</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>Заказ</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Товар</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Задача стажёра</source>
        <translation>Trainee task</translation>
    </message>
    <message>
        <source>Рекламация</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>✓ поздравил</source>
        <translation>✓ greeted</translation>
    </message>
    <message>
        <source>Когда</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Что</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Подробности</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Ещё {n} — Enter, чтобы показать все</source>
        <translation>{n} more — press Enter to show all</translation>
    </message>
    <message>
        <source>Ещё {n} — список ограничен первыми строками</source>
        <translation>{n} more — the list is limited to the first rows</translation>
    </message>
    <message>
        <source>Поздравить: {names}</source>
        <translation>Greet: {names}</translation>
    </message>
    <message>
        <source>Просрочено</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>На завтра</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>На следующий понедельник</source>
        <translation>Next Monday</translation>
    </message>
    <message>
        <source>Через неделю</source>
        <translation>In a week</translation>
    </message>
    <message>
        <source>Тип</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Клиенты</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Открытые сделки</source>
        <translation>Open deals</translation>
    </message>
    <message>
        <source>Выиграно в этом месяце</source>
        <translation>Won this month</translation>
    </message>
    <message>
        <source>Дела на сегодня</source>
        <translation>Today&apos;s activities</translation>
    </message>
    <message>
        <source>Сделка</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>+ Дело</source>
        <translation>+ Activity</translation>
    </message>
    <message>
        <source>Новое дело (Ctrl+N)</source>
        <translation>New activity (Ctrl+N)</translation>
    </message>
    <message>
        <source>Enter — открыть, Пробел — готово, Ctrl+D — на завтра</source>
        <translation>Enter to open, Space to mark done, Ctrl+D to move to tomorrow</translation>
    </message>
    <message>
        <source>Нет дел на сегодня</source>
        <translation>No activities for today</translation>
    </message>
    <message>
        <source>Enter — открыть · Пробел — готово · Ctrl+D — на завтра · Ctrl+Z — отменить · Ctrl+↑↓ — разделы · правая кнопка — ещё</source>
        <translation>Enter: open · Space: done · Ctrl+D: tomorrow · Ctrl+Z: undo · Ctrl+↑↓: sections · right-click: more</translation>
    </message>
    <message>
        <source>Новое дело</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Сегодня, {date}</source>
        <translation>Today, {date}</translation>
    </message>
    <message>
        <source>из них лидов: {n}</source>
        <translation>including leads: {n}</translation>
    </message>
    <message>
        <source>на сумму {sum}</source>
        <translation>totaling {sum}</translation>
    </message>
    <message>
        <source>сделок: {n}</source>
        <translation>deals: {n}</translation>
    </message>
    <message>
        <source>просрочено: {n}</source>
        <translation>overdue: {n}</translation>
    </message>
    <message>
        <source>Остальные разделы: загрузка…</source>
        <translation>Other sections: loading…</translation>
    </message>
    <message>
        <source>Поздравление записано: {name}</source>
        <translation>Greeting recorded: {name}</translation>
    </message>
    <message>
        <source>Перенести на дату</source>
        <translation>Reschedule to date</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Перенести</source>
        <translation>Reschedule</translation>
    </message>
    <message>
        <source>Выбрать дату…</source>
        <translation>Choose date…</translation>
    </message>
    <message>
        <source>Перенести в другую сделку…</source>
        <translation>Move to another deal…</translation>
    </message>
    <message>
        <source>Отметить выполненными: {n}</source>
        <translation>Mark as done: {n}</translation>
    </message>
    <message>
        <source>Завершить…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>Поздравил</source>
        <translation>Greeted</translation>
    </message>
    <message>
        <source>Записать звонок…</source>
        <translation>Log a call…</translation>
    </message>
    <message>
        <source>Запланировать дело…</source>
        <translation>Schedule activity…</translation>
    </message>
    <message>
        <source>Позвонить: {phone}</source>
        <translation>Call: {phone}</translation>
    </message>
    <message>
        <source>Написать: {email}</source>
        <translation>Email: {email}</translation>
    </message>
    <message>
        <source>Открыть клиента</source>
        <translation>Open client</translation>
    </message>
    <message>
        <source>Открыть сделку</source>
        <translation>Open deal</translation>
    </message>
    <message>
        <source>Поздравить ключевых клиентов</source>
        <translation>Greet key clients</translation>
    </message>
    <message>
        <source>Новое дело для клиента…</source>
        <translation>New activity for the client…</translation>
    </message>
</context>
<context>
    <name>Trainees</name>
    <message>
        <source>Стажёров пока нет. «Новый стажёр» — добавить; шаблон адаптации назначается в его карточке.</source>
        <translation>No trainees yet. “New trainee” to add one; the onboarding template is assigned in the trainee&apos;s card.</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>получено {value}</source>
        <translation>got {value}</translation>
    </message>
    <message>
        <source>нужно число в кавычках, например &quot;1234.50&quot;; {got}</source>
        <translation>a number in quotes is needed, e.g. &quot;1234.50&quot;; {got}</translation>
    </message>
    <message>
        <source>не число: {value}</source>
        <translation>not a number: {value}</translation>
    </message>
    <message>
        <source>число {value} больше, чем может храниться</source>
        <translation>the number {value} is larger than can be stored</translation>
    </message>
    <message>
        <source>в числе {value} больше {places} знаков после точки, столько не хранится</source>
        <translation>the number {value} has more than {places} decimals; that many are not stored</translation>
    </message>
    <message>
        <source>нужны дата и время ISO 8601 с часовым поясом, например &quot;2026-11-01T09:00:00+00:00&quot;; {got}</source>
        <translation>an ISO 8601 date and time with a time zone is needed, e.g. &quot;2026-11-01T09:00:00+00:00&quot;; {got}</translation>
    </message>
    <message>
        <source>не дата и время: {value}</source>
        <translation>not a date and time: {value}</translation>
    </message>
    <message>
        <source>время {value} без часового пояса (нужно, например, +00:00)</source>
        <translation>the time {value} has no time zone (e.g. +00:00 is needed)</translation>
    </message>
    <message>
        <source>время {value} вне допустимого диапазона</source>
        <translation>the time {value} is out of range</translation>
    </message>
    <message>
        <source>нужна дата ГГГГ-ММ-ДД, например &quot;2026-12-15&quot;; {got}</source>
        <translation>a date YYYY-MM-DD is needed, e.g. &quot;2026-12-15&quot;; {got}</translation>
    </message>
    <message>
        <source>нет такой даты: {value}</source>
        <translation>no such date: {value}</translation>
    </message>
    <message>
        <source>нужны данные base64 в кавычках; {got}</source>
        <translation>base64 data in quotes is needed; {got}</translation>
    </message>
    <message>
        <source>это не данные base64</source>
        <translation>this is not base64 data</translation>
    </message>
    <message>
        <source>нужно true или false; {got}</source>
        <translation>true or false is needed; {got}</translation>
    </message>
    <message>
        <source>нужно целое число; {got}</source>
        <translation>an integer is needed; {got}</translation>
    </message>
    <message>
        <source>нужен текст в кавычках; {got}</source>
        <translation>text in quotes is needed; {got}</translation>
    </message>
    <message>
        <source>нет значения</source>
        <translation>no value</translation>
    </message>
    <message>
        <source>пустое значение (null) недопустимо</source>
        <translation>an empty value (null) is not allowed</translation>
    </message>
    <message>
        <source>{path}: {why}; ничего не импортировано</source>
        <translation>{path}: {why}; nothing was imported</translation>
    </message>
    <message>
        <source>{table}, запись {label}: поле {field}: {why}</source>
        <translation>{table}, record {label}: field {field}: {why}</translation>
    </message>
    <message>
        <source>{table}, запись {label}: {why}</source>
        <translation>{table}, record {label}: {why}</translation>
    </message>
    <message>
        <source>№{n}</source>
        <translation>No. {n}</translation>
    </message>
    <message>
        <source>файл слишком большой ({size} МБ, читается не больше {limit} МБ)</source>
        <translation>the file is too large ({size} MB; at most {limit} MB is read)</translation>
    </message>
    <message>
        <source>файл слишком большой</source>
        <translation>the file is too large</translation>
    </message>
    <message>
        <source>это не выгрузка SalesDesk (файл не в кодировке UTF-8)</source>
        <translation>this is not a SalesDesk export (the file is not UTF-8)</translation>
    </message>
    <message>
        <source>файл пуст</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>файл обрывается на строке {line}: он записан не до конца</source>
        <translation>the file breaks off at line {line}: it was not written to the end</translation>
    </message>
    <message>
        <source>это не JSON (ошибка в строке {line}, позиция {col})</source>
        <translation>this is not JSON (error at line {line}, column {col})</translation>
    </message>
    <message>
        <source>это не выгрузка SalesDesk (слишком длинные числа или слишком глубокая вложенность)</source>
        <translation>this is not a SalesDesk export (numbers too long or nesting too deep)</translation>
    </message>
    <message>
        <source>это не выгрузка SalesDesk</source>
        <translation>this is not a SalesDesk export</translation>
    </message>
    <message>
        <source>версия формата {v} не поддерживается</source>
        <translation>format version {v} is not supported</translation>
    </message>
    <message>
        <source>выгрузка сделана более новой версией SalesDesk (формат {v}, эта версия читает формат {mine}): обновите программу</source>
        <translation>the export was made by a newer SalesDesk (format {v}; this version reads format {mine}): update the program</translation>
    </message>
    <message>
        <source>выгрузка сделана со схемой {s}, которой эта версия SalesDesk не знает (она читает схемы до {h}): обновите программу</source>
        <translation>the export was made with schema {s}, which this version of SalesDesk does not know (it reads schemas up to {h}): update the program</translation>
    </message>
    <message>
        <source>нет раздела tables</source>
        <translation>no tables section</translation>
    </message>
    <message>
        <source>нужен список записей; {got}</source>
        <translation>a list of records is needed; {got}</translation>
    </message>
    <message>
        <source>нужен объект {{…}}; {got}</source>
        <translation>an object {{…}} is needed; {got}</translation>
    </message>
    <message>
        <source>неизвестные поля: {names}</source>
        <translation>unknown fields: {names}</translation>
    </message>
    <message>
        <source>сумма {amount} не равна сумме позиций сделки {lines}</source>
        <translation>the amount {amount} does not equal the sum of the deal&apos;s lines {lines}</translation>
    </message>
    <message>
        <source>неизвестные таблицы: {names}</source>
        <translation>unknown tables: {names}</translation>
    </message>
    <message>
        <source>выгрузку со схемой {s} не удалось перевести на схему {h}: {why}</source>
        <translation>the export with schema {s} could not be converted to schema {h}: {why}</translation>
    </message>
    <message>
        <source>значение {value} уже есть у другой записи</source>
        <translation>the value {value} already belongs to another record</translation>
    </message>
    <message>
        <source>значение {value} не допускается (правило {rule})</source>
        <translation>the value {value} is not allowed (rule {rule})</translation>
    </message>
    <message>
        <source>запись не прошла проверку базы ({rule})</source>
        <translation>the record failed the database&apos;s check ({rule})</translation>
    </message>
    <message>
        <source>база данных отклонила запись ({reason})</source>
        <translation>the database refused the record ({reason})</translation>
    </message>
    <message>
        <source>База не пуста (таблица {t}): импорт всех данных возможен только в новую базу</source>
        <translation>The database is not empty (table {t}): a full data import is only possible into a new database</translation>
    </message>
    <message>
        <source>база данных отклонила записи с этой по {last}</source>
        <translation>the database refused the records from this one to {last}</translation>
    </message>
    <message>
        <source>ссылка {value} на запись, которой нет в таблице {parent}</source>
        <translation>a link {value} to a record that is not in the table {parent}</translation>
    </message>
    <message>
        <source>{path}: файл не найден</source>
        <translation>{path}: file not found</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>архивирование %n клиента|архивирование %n клиентов|архивирование %n клиентов</source>
        <translation>archiving of %n client|archiving of %n clients</translation>
    </message>
    <message>
        <source>возврат %n клиента из архива|возврат %n клиентов из архива|возврат %n клиентов из архива</source>
        <translation>restoring of %n client from the archive|restoring of %n clients from the archive</translation>
    </message>
    <message>
        <source>перенос дела «{subject}»</source>
        <translation>moving of “{subject}”</translation>
    </message>
    <message>
        <source>изменение длительности дела «{subject}»</source>
        <translation>change of the length of “{subject}”</translation>
    </message>
    <message>
        <source>перенос %n дела|перенос %n дел|перенос %n дел</source>
        <translation>rescheduling of %n activity|rescheduling of %n activities</translation>
    </message>
    <message>
        <source>отметку «выполнено» у %n дела|отметку «выполнено» у %n дел|отметку «выполнено» у %n дел</source>
        <translation>marking %n activity done|marking %n activities done</translation>
    </message>
    <message>
        <source>перенос %n дела в другую сделку|перенос %n дел в другую сделку|перенос %n дел в другую сделку</source>
        <translation>moving %n activity to another deal|moving %n activities to another deal</translation>
    </message>
    <message>
        <source>завершение дела «{subject}»</source>
        <translation>completion of “{subject}”</translation>
    </message>
    <message>
        <source>Отменить</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Отменить {what} (Ctrl+Z)</source>
        <translation>Undo {what} (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>Vat</name>
    <message>
        <source>Без НДС</source>
        <translation>No VAT</translation>
    </message>
    <message>
        <source>НДС {rate} %</source>
        <translation>VAT {rate}%</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Просрочено</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Сегодня</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Завтра</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>Ближайшие 7 дней</source>
        <translation>Next 7 days</translation>
    </message>
    <message>
        <source>Сделки без движения</source>
        <translation>Stalled deals</translation>
    </message>
    <message>
        <source>Пора позвонить</source>
        <translation>Due for a call</translation>
    </message>
    <message>
        <source>Звонки после продажи</source>
        <translation>After-sale calls</translation>
    </message>
    <message>
        <source>Ожидаемые оплаты</source>
        <translation>Expected payments</translation>
    </message>
    <message>
        <source>Просроченная дебиторка</source>
        <translation>Overdue receivables</translation>
    </message>
    <message>
        <source>Отгрузки с опозданием</source>
        <translation>Late shipments</translation>
    </message>
    <message>
        <source>Мало на складе</source>
        <translation>Low stock</translation>
    </message>
    <message>
        <source>Дни рождения</source>
        <translation>Birthdays</translation>
    </message>
    <message>
        <source>Праздники</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>Задачи стажёров</source>
        <translation>Trainee tasks</translation>
    </message>
    <message>
        <source>{n} дн.</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>Нет такого раздела: {names}</source>
        <translation>No such section: {names}</translation>
    </message>
    <message>
        <source>просрочено на {d}</source>
        <translation>overdue by {d}</translation>
    </message>
    <message>
        <source>Просроченные рекламации</source>
        <translation>Overdue complaints</translation>
    </message>
    <message>
        <source>в этапе {d} (норма {n})</source>
        <translation>in stage for {d} (limit {n})</translation>
    </message>
    <message>
        <source>нет следующего шага</source>
        <translation>no next step</translation>
    </message>
    <message>
        <source>контактов не было</source>
        <translation>no contacts yet</translation>
    </message>
    <message>
        <source>последний контакт {d} назад</source>
        <translation>last contact {d} ago</translation>
    </message>
    <message>
        <source>звонок раз в {d}</source>
        <translation>a call every {d}</translation>
    </message>
    <message>
        <source>просрочено до {d}</source>
        <translation>up to {d} overdue</translation>
    </message>
    <message>
        <source>%n заказ|%n заказа|%n заказов</source>
        <translation>%n order|%n orders</translation>
    </message>
    <message>
        <source>отгрузка опаздывает на {d}</source>
        <translation>shipment late by {d}</translation>
    </message>
    <message>
        <source>доставка опаздывает на {d}</source>
        <translation>delivery late by {d}</translation>
    </message>
    <message>
        <source>на складе {n}</source>
        <translation>{n} in stock</translation>
    </message>
    <message>
        <source>порог {n}</source>
        <translation>minimum {n}</translation>
    </message>
    <message>
        <source>исполняется {n}</source>
        <translation>turns {n}</translation>
    </message>
    <message>
        <source>поздравить ключевых клиентов: {n}</source>
        <translation>greet key clients: {n}</translation>
    </message>
    <message>
        <source>Контакт не найден</source>
        <translation>Contact not found</translation>
    </message>
    <message>
        <source>Поздравление с днём рождения: {name}</source>
        <translation>Birthday greeting: {name}</translation>
    </message>
    <message>
        <source>Поздравление</source>
        <translation>Greeting</translation>
    </message>
</context>
</TS>
